/**
 * The one file a site owner edits. It is validated when the build starts;
 * a mistake stops the build with a list of what to fix. Every setting, its
 * type, default and rules: docs/site-config.md (generated from the schema).
 */
import { defineSiteConfig } from './lib/config/schema.ts';

export const site = defineSiteConfig({
  name: 'Broadsheet',
  tagline: 'AI and chips, reported plainly',
  description: 'Broadsheet covers AI models, chips, policy and the business of machine learning, with explainers that show how the technology works.',
  // Served under a path? Give it here ('https://example.com/blog/'), or set SITE_URL when building.
  url: 'https://broadsheet.example.com',
  language: 'en',
  locale: 'en_US',
  // Optional IANA zone: date-times written without a zone are read in it, and
  // dates are shown in it (UTC when unset; then every date-time needs Z or an offset).
  // timeZone: 'Europe/Berlin',
  logo: '/logo.svg',
  defaultSocialImage: '/social-default.png',
  accentColor: '#b4232a',
  nav: [
    { label: 'Archive', href: '/archive/' },
    { label: 'Tags', href: '/tags/' },
    { label: 'Authors', href: '/authors/' },
  ],
  categories: [
    { slug: 'models', name: 'Models', description: 'Model launches, architectures and benchmarks.' },
    { slug: 'chips', name: 'Chips & Compute', description: 'Accelerators, data centres and the supply chain behind them.' },
    { slug: 'business', name: 'Business', description: 'Deals, pricing, marketplaces and the companies building AI.' },
    { slug: 'policy', name: 'Policy', description: 'Regulation, export controls, licensing and the law.' },
    { slug: 'explainers', name: 'Explainers', description: 'How the technology works, without the hype.' },
  ],
  social: { x: '@broadsheet', github: 'https://github.com/broadsheet' },
  pageSizes: { homeLatest: 8, homePerCategory: 3, section: 12 },
  feeds: { limit: 50 },
  related: {},
  // Optional, shown with their defaults:
  // favicon: '/favicon.svg',
  // fonts: { serif: 'Georgia, serif', sans: 'system-ui, sans-serif' },   // unset: the bundled Source Serif 4 and Inter
  // search: true,
  // dateFormat: 'long',                                                  // 'full' | 'long' | 'medium' | 'short'
  // footer: { text: '© {year} {name}. Built with Broadsheet.', links: [{ label: 'Imprint', href: '/imprint/' }] },
  // subscribe: { title: 'Subscribe', text: 'The week in AI, every Friday.', links: [{ label: 'Newsletter', href: 'https://…' }] },
  // analytics: { provider: 'plausible', domain: 'broadsheet.example.com' }, // off unless set
});

export default site;
