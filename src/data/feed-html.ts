/**
 * Full article HTML for feeds.
 *
 * The article body is the collection entry's compiled `Content` component;
 * Astro only renders components inside a page, so feeds render it with the
 * Container API (experimental_AstroContainer) and the MDX renderer, passing the
 * same `mdxComponents` as the article page so Callout, Figure, PullQuote,
 * KeyHighlights and the table wrapper come out as they do on the site. Images
 * inside the body go through astro:assets exactly as on the page (same
 * transforms, same hashed files in dist/).
 *
 * The HTML returned here is the raw render: untrusted, relative URLs. The feed
 * library sanitises and absolutises it (prepareFeedHtml inside toFeedItem), so
 * there is one place that decides what reaches a feed reader.
 *
 * Not memoised here: src/data/feeds.ts caches the prepared FeedItem per article
 * id (feedItemCache), which calls this once per article per build however many
 * feeds list it.
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getImage } from 'astro:assets';
import { render } from 'astro:content';
import { feedMdxComponents } from '../components/mdx/index.ts';
import { withArticleExtras } from '../lib/feed/article-extras.ts';
import type { ArticleView } from './articles.ts';

let containerPromise: Promise<AstroContainer> | undefined;

function getContainer(): Promise<AstroContainer> {
  return (containerPromise ??= (async () => {
    const renderers = await loadRenderers([getContainerRenderer()]);
    return AstroContainer.create({ renderers });
  })());
}

/** The article body as rendered HTML (not yet sanitised). */
export async function articleBodyHtml(article: ArticleView): Promise<string> {
  const container = await getContainer();
  const { Content } = await render(article.entry);
  return container.renderToString(Content, { props: { components: feedMdxComponents } });
}

/**
 * What a full-content feed item carries: the Key highlights and the captioned
 * hero (its credit), the body, then the Sources list, as the article page shows them.
 */
export async function articleFeedHtml(article: ArticleView): Promise<string> {
  const hero = article.hero && (article.hero.caption || article.hero.credit)
    ? { url: (await getImage({ src: article.hero.src, width: Math.min(1200, article.hero.src.width), format: 'jpeg' })).src, alt: article.hero.alt, caption: article.hero.caption, credit: article.hero.credit }
    : undefined;
  return withArticleExtras(await articleBodyHtml(article), { highlights: article.highlights, sources: article.sources, hero });
}
