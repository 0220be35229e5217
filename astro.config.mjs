// Integrations and build settings only; the logic lives in src/.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import site from './src/site.config.ts';
import broadsheet, { withLastmod } from './src/integrations/broadsheet.ts';
import fonts from './src/integrations/fonts.ts';
import socialCards from './src/integrations/social-cards.ts';
import { cacheDirFor, contentDir } from './src/data/content-loader.ts';
import pagefind from './src/integrations/pagefind.ts';
import { cspConfig } from './src/integrations/csp.ts';
import { basePath } from './src/lib/content/urls.ts';
import { markdownProcessor } from './src/integrations/markdown.ts';

export default defineConfig({
  site: site.url,
  // A site served under a path (url: 'https://example.com/blog/') gets every page, asset and link under /blog/.
  base: basePath(site.url),
  trailingSlash: 'always',
  // Incremental builds copy a page from the last build when its cacheKey (src/data/page-keys.ts)
  // and code are unchanged; they need pages generated one at a time.
  build: { format: 'directory', concurrency: 1 },
  experimental: { incrementalBuild: true },
  cacheDir: cacheDirFor(contentDir()),
  // Code blocks carry both palettes; CSS picks one per theme (no flash, no JS).
  // Sätteri with the author-HTML allow-list and the MDX code guard (src/integrations/markdown.ts).
  markdown: { processor: markdownProcessor(), shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, defaultColor: 'light' } },
  // Content-Security-Policy as a <meta> tag on every page (see src/integrations/csp.ts).
  security: { csp: cspConfig(site.analytics, site.content.html) },
  integrations: [
    broadsheet(),
    // Social cards start rendering from the checked content while Astro bundles (src/integrations/social-cards.ts).
    socialCards(),
    // Self-hosted fonts: preload + metric-matched fallbacks; subset to the built pages' text in astro:build:done.
    fonts(),
    mdx(),
    sitemap({ filter: (page) => !/\/(404|search|newsletter\/thanks)\/?$/.test(new URL(page).pathname), serialize: withLastmod }),
    // Last: indexes the finished HTML in astro:build:done.
    pagefind({ enabled: site.search }),
  ],
});
