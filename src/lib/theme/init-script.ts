/**
 * The no-flash theme script, inlined in every <head> (BaseHead.astro). It lives
 * here as one string so the Content-Security-Policy can carry its hash
 * (src/integrations/csp.ts): Astro hashes the scripts it bundles, not
 * `is:inline` ones. Any edit here changes the hash automatically.
 */
export const THEME_INIT_SCRIPT = `try {
  const stored = localStorage.getItem('theme');
  if (stored === 'light' || stored === 'dark') document.documentElement.dataset.theme = stored;
} catch {}`;
