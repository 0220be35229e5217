/** Components available in every MDX article without an import. */
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import FeedFigure from './FeedFigure.astro';
import PullQuote from './PullQuote.astro';
import SpecTable from './SpecTable.astro';
import KeyHighlights from '../KeyHighlights.astro';

export const mdxComponents = { Callout, Figure, PullQuote, KeyHighlights, table: SpecTable };

/** The same set for feed HTML (src/data/feed-html.ts): figures without theme-switching CSS. */
export const feedMdxComponents = { ...mdxComponents, Figure: FeedFigure };
