// The benchmark's baseline: a minimal Astro 7 MDX site (one layout, one route
// rendering each entry). It reads the generated corpus from CONTENT_DIR and
// keeps its caches in BENCH_CACHE_DIR, so the harness can clear them for a cold build.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://baseline.example.com',
  cacheDir: process.env.BENCH_CACHE_DIR || './node_modules/.astro',
  integrations: [mdx()],
});
