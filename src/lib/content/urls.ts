/**
 * The URL scheme and the one place that turns a site path into a link or an
 * absolute URL. A site may be served under a path (`url: 'https://example.com/blog/'`):
 * its base path (`/blog/`) is part of every link the scheme builds, so a page,
 * a feed, the sitemap or JSON-LD only ever resolve those links against the site
 * URL and never drop the base.
 *
 * Words used here:
 *  - a *site path* is what an owner or author writes: `/archive/`, `/logo.svg`,
 *    relative to the site's root whatever its base path;
 *  - a *link* (href) is a site path with the base path in front: `/blog/archive/`;
 *  - an *absolute URL* is a link resolved against the site's origin.
 */

// A URL that starts with a scheme (https:, mailto:, data:, javascript:, …) is
// already absolute and is left exactly as written; scheme policy is a
// sanitiser's job, not ours.
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolve a reference against a base URL the way a browser on that page would
 * (root-relative, document-relative, protocol-relative, query- and
 * fragment-only). A reference with a scheme is returned as written; one that
 * cannot be parsed gives undefined.
 */
export function resolveUrl(value: string, base: string | URL): string | undefined {
  const trimmed = value.trim();
  if (HAS_SCHEME.test(trimmed)) return value;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return undefined;
  }
}

/** The base path of a site URL, with slashes at both ends: `https://x.org/blog` → `/blog/`. */
export function basePath(siteUrl: string): string {
  const { pathname } = new URL(siteUrl);
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

const withPage = (base: string, page: number) => (page > 1 ? `${base}${page}/` : base);

/** Links for a site served under `base` (`/` or `/blog/`). Every function returns a link, base included. */
export function urlScheme(base = '/') {
  const root = base.endsWith('/') ? base : `${base}/`;
  /**
   * A site path (`/archive/`) as a link (`/blog/archive/`). A path already under
   * the base is taken as a link and kept, so linking twice never doubles the
   * base; anything else (`https://…`, `#x`, `mailto:`) is returned as written.
   */
  const link = (sitePath: string) => (sitePath.startsWith('/') && !sitePath.startsWith('//') && !sitePath.startsWith(root) ? root + sitePath.slice(1) : sitePath);
  return {
    base: root,
    link,
    home: () => root,
    article: (slug: string) => link(`/articles/${slug}/`),
    category: (slug: string, page = 1) => withPage(link(`/category/${slug}/`), page),
    tag: (tag: string, page = 1) => withPage(link(`/tags/${tag}/`), page),
    tags: () => link('/tags/'),
    author: (id: string, page = 1) => withPage(link(`/authors/${id}/`), page),
    authors: () => link('/authors/'),
    archive: () => link('/archive/'),
    search: () => link('/search/'),
    drafts: () => link('/drafts/'),
    /** A section's feed: pass the section's link (`urls.category('x')`), or nothing for the site feed. */
    feed: (sectionLink?: string) => `${sectionLink ?? root}rss.xml`,
    jsonFeed: () => link('/feed.json'),
    /** The subscribe page listing every feed. */
    feeds: () => link('/feeds/'),
    newsletterThanks: () => link('/newsletter/thanks/'),
    sitemap: () => link('/sitemap-index.xml'),
    og: (slug: string) => link(`/og/${slug}.png`),
    /** Pagefind's bundle folder (pagefind.js, the index and its fragments). */
    pagefind: () => link('/pagefind/'),
  };
}

export type UrlScheme = ReturnType<typeof urlScheme>;

/**
 * The scheme for a configured site URL, plus `absolute()`: a link, a site path
 * or an absolute URL, made absolute against the site. Site paths get the base
 * path first, so `/logo.svg` and `urls.archive()` both come out under `/blog/`.
 */
export function siteUrls(siteUrl: string) {
  const scheme = urlScheme(basePath(siteUrl));
  const origin = new URL(siteUrl).origin;
  const absolute = (linkOrPath: string): string => {
    const href = scheme.link(linkOrPath);
    return resolveUrl(href, `${origin}${scheme.base}`) ?? href;
  };
  return { ...scheme, origin, absolute };
}

export type SiteUrls = ReturnType<typeof siteUrls>;

/** A link or site path resolved against a site URL, keeping its base path (see siteUrls). */
export function absoluteUrl(siteUrl: string, linkOrPath: string): string {
  return siteUrls(siteUrl).absolute(linkOrPath);
}
