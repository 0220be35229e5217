/**
 * The no-flash theme script, inlined in every <head> (BaseHead.astro). It lives
 * here as one string so the Content-Security-Policy can carry its hash
 * (src/integrations/csp.ts): Astro hashes the scripts it bundles, not
 * `is:inline` ones. Any edit here changes the hash automatically.
 *
 * A stored choice also decides the browser's theme colour: the two
 * <meta name="theme-color"> tags carry one colour per system scheme, so the one
 * for the chosen theme gets media="all" and the other "not all" (the original
 * query is kept in data-media; ThemeToggle.astro does the same on a click).
 */
export const THEME_INIT_SCRIPT = `try {
  const stored = localStorage.getItem('theme');
  if (stored === 'light' || stored === 'dark') {
    document.documentElement.dataset.theme = stored;
    for (const meta of document.querySelectorAll('meta[name="theme-color"][media]')) {
      meta.dataset.media = meta.media;
      meta.media = meta.media.includes(stored) ? 'all' : 'not all';
    }
  }
} catch {}`;
