import { describe, expect, it } from 'vitest';
import { defineSiteConfig, type SiteConfigInput } from '../../../src/lib/config/schema.ts';
import site from '../../../src/site.config.ts';

const base: SiteConfigInput = {
  name: 'Test', tagline: 'T', description: 'D', url: 'https://example.com/', language: 'en', logo: '/logo.svg',
  defaultSocialImage: '/s.png', accentColor: '#112233', categories: [{ slug: 'models', name: 'Models', description: 'M' }],
};

describe('site config', () => {
  it('rejects misspelt related settings and out-of-range values, with what was found', () => {
    expect(() => defineSiteConfig({ ...base, related: { wieghts: { text: 5 } } } as unknown as SiteConfigInput)).toThrow(
      'Broadsheet: src/site.config.ts has 1 problem:\n  - related.wieghts: expected a known field (did you mean "weights"?), found an unknown field',
    );
    expect(() => defineSiteConfig({ ...base, related: { k: 3.5, minScore: 5 }, pageSizes: { section: 0 } } as unknown as SiteConfigInput)).toThrow(
      [
        'Broadsheet: src/site.config.ts has 3 problems:',
        '  - pageSizes.section: expected a whole number from 1 to 100, found number 0',
        '  - related.k: expected a whole number from 1 to 50, found number 3.5',
        '  - related.minScore: expected a score from 0 to 1, found number 5',
      ].join('\n'),
    );
  });

  it('accepts the bundled config', () => {
    expect(site.categories.length).toBeGreaterThanOrEqual(4);
    expect(site.url).toBe('https://broadsheet.example.com');
  });
  it('fills defaults and trims the trailing slash of the URL', () => {
    const config = defineSiteConfig(base);
    expect(config.url).toBe('https://example.com');
    expect(config.pageSizes).toEqual({ homeLatest: 8, homePerCategory: 3, section: 12 });
    expect(config.feeds.limit).toBe(50);
  });
  it('takes the URL from SITE_URL when it is set, and checks it like the config', () => {
    expect(defineSiteConfig(base, 'c', { SITE_URL: 'https://user.github.io/repo/' }).url).toBe('https://user.github.io/repo');
    expect(defineSiteConfig(base, 'c', { SITE_URL: '' }).url).toBe('https://example.com');
    expect(() => defineSiteConfig(base, 'c', { SITE_URL: 'user.github.io' })).toThrow('url: expected an absolute http(s) URL, found "user.github.io"');
  });
  it('lists every problem with its setting', () => {
    const bad = { ...base, url: 'example.com', language: 'English', accentColor: 'red', categories: [{ slug: 'Models!', name: 'M', description: 'x' }, { slug: 'a', name: 'A', description: 'x' }, { slug: 'a', name: 'A2', description: 'y' }], colour: 'x' } as unknown as SiteConfigInput;
    expect(() => defineSiteConfig(bad, 'site.config.ts')).toThrow(
      [
        'Broadsheet: site.config.ts has 6 problems:',
        '  - url: expected an absolute http(s) URL, found "example.com"',
        '  - language: expected a BCP 47 language tag such as "en" or "en-GB", found "English"',
        '  - accentColor: expected a hex colour such as "#c2410c", found "red"',
        '  - categories[0].slug: expected a lower-case slug such as "models", found "Models!"',
        '  - colour: expected one of the known fields: name, tagline, description, url, language, timeZone, locale, logo, defaultSocialImage, accentColor, favicon, fonts, nav, categories, social, pageSizes, feeds, related, search, dateFormat, footer, subscribe, analytics, content, newsletter, found an unknown field',
        '  - categories[2].slug: expected a unique slug ("a" is used twice), found "a"',
      ].join('\n'),
    );
  });
  it('needs the provider URL when the newsletter is switched on, and says which field', () => {
    expect(() => defineSiteConfig({ ...base, newsletter: { enabled: true } } as SiteConfigInput, 'site.config.ts')).toThrow(
      '  - newsletter.action: expected the provider’s form URL (required when the newsletter is enabled), found nothing',
    );
    expect(defineSiteConfig(base).newsletter.enabled).toBe(false);
  });
  it('rejects duplicate category slugs and empty category lists', () => {
    expect(() => defineSiteConfig({ ...base, categories: [{ slug: 'a', name: 'A', description: 'x' }, { slug: 'a', name: 'B', description: 'y' }] })).toThrow('categories[1].slug: expected a unique slug ("a" is used twice), found "a"');
    expect(() => defineSiteConfig({ ...base, categories: [] })).toThrow('categories: expected at least one category, found a list of 0');
  });
});

describe('customisation and analytics settings', () => {
  it('defaults to search on, long dates, the standard footer, feeds as the subscribe block and no analytics', () => {
    const config = defineSiteConfig(base, 'c', {});
    expect([config.search, config.dateFormat, config.favicon, config.fonts]).toEqual([true, 'long', '/favicon.svg', {}]);
    expect(config.footer).toEqual({ text: '© {year} {name}. Built with Broadsheet.', links: [] });
    expect(config.subscribe).toEqual({ title: 'Subscribe' });
    expect(config.analytics).toBeUndefined();
  });

  it('takes whole settings from BROADSHEET_CONFIG, null removing one, and reports bad JSON plainly', () => {
    const withAnalytics = { ...base, analytics: { provider: 'goatcounter', code: 'news' } } as SiteConfigInput;
    expect(defineSiteConfig(withAnalytics, 'c', { BROADSHEET_CONFIG: '{"analytics":null,"search":false}' })).toMatchObject({ analytics: undefined, search: false });
    expect(() => defineSiteConfig(base, 'c', { BROADSHEET_CONFIG: '{nope' })).toThrow(/^Broadsheet: BROADSHEET_CONFIG is not valid JSON/);
    expect(() => defineSiteConfig(base, 'c', { BROADSHEET_CONFIG: '[1]' })).toThrow('BROADSHEET_CONFIG must be a JSON object of settings');
  });

  it('checks analytics, fonts and footer settings with friendly messages', () => {
    const bad = { ...base, analytics: { provider: 'plausible', domain: 'not a host' }, fonts: { serif: 'x; } body { color: red' }, dateFormat: 'fancy' } as unknown as SiteConfigInput;
    expect(() => defineSiteConfig(bad, 'c', {})).toThrow(
      [
        'Broadsheet: c has 3 problems:',
        '  - fonts.serif: expected a CSS font-family list such as "Georgia, serif", found "x; } body { color: red"',
        '  - dateFormat: expected one of "full", "long", "medium", "short", found "fancy"',
        '  - analytics.domain: expected a host name such as "example.com", found "not a host"',
      ].join('\n'),
    );
  });
});

describe('content settings', () => {
  it('defaults to trusted MDX and the base allow-list', () => {
    expect(defineSiteConfig(base).content).toEqual({ trust: 'trusted', html: { allow: {}, imageHosts: [], frameHosts: [] } });
  });

  it('refuses elements and attributes that can never be allowed, and hosts with a scheme', () => {
    const input = { ...base, content: { trust: 'open', html: { allow: { meta: ['content'], span: ['onclick'] }, imageHosts: ['https://img.example.com'] } } };
    expect(() => defineSiteConfig(input as unknown as SiteConfigInput)).toThrow(
      [
        'Broadsheet: src/site.config.ts has 4 problems:',
        '  - content.trust: expected "trusted" or "untrusted", found "open"',
        '  - content.html.allow.meta: expected an element that can be allowed ("meta" can never be: it can redirect, run code or post data), found a list of 1',
        '  - content.html.allow.span[0]: expected an attribute that can be allowed ("onclick" can never be: event handlers, style, srcdoc and data-pagefind-* stay the theme\'s), found "onclick"',
        '  - content.html.imageHosts[0]: expected a host name such as "images.example.com" (no scheme, path or port), found "https://img.example.com"',
      ].join('\n'),
    );
  });
});
