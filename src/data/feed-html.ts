/**
 * Full article HTML for feeds, rendered once per article per build.
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
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { mdxComponents } from '../components/mdx/index.ts';
import type { ArticleView } from './articles.ts';

let containerPromise: Promise<AstroContainer> | undefined;

function getContainer(): Promise<AstroContainer> {
  return (containerPromise ??= (async () => {
    const renderers = await loadRenderers([getContainerRenderer()]);
    return AstroContainer.create({ renderers });
  })());
}

// Keyed by article id; every feed that lists an article reuses the same render.
const rendered = new Map<string, Promise<string>>();

async function renderArticle(article: ArticleView): Promise<string> {
  const container = await getContainer();
  const { Content } = await render(article.entry);
  return container.renderToString(Content, { props: { components: mdxComponents } });
}

/** The article body as rendered HTML (not yet sanitised), memoised per article id. */
export function articleBodyHtml(article: ArticleView): Promise<string> {
  let html = rendered.get(article.id);
  if (!html) {
    html = renderArticle(article);
    // A failed render must fail the build, but not poison later retries in dev.
    html.catch(() => rendered.delete(article.id));
    rendered.set(article.id, html);
  }
  return html;
}
