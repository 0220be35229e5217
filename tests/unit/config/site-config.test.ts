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
  it('lists every problem with its setting', () => {
    const bad = { ...base, url: 'example.com', language: 'English', accentColor: 'red', categories: [{ slug: 'Models!', name: 'M', description: 'x' }, { slug: 'a', name: 'A', description: 'x' }, { slug: 'a', name: 'A2', description: 'y' }], colour: 'x' } as unknown as SiteConfigInput;
    expect(() => defineSiteConfig(bad, 'site.config.ts')).toThrow(
      [
        'Broadsheet: site.config.ts has 6 problems:',
        '  - url: expected an absolute http(s) URL, found "example.com"',
        '  - language: expected a BCP 47 language tag such as "en" or "en-GB", found "English"',
        '  - accentColor: expected a hex colour such as "#c2410c", found "red"',
        '  - categories[0].slug: expected a lower-case slug such as "models", found "Models!"',
        '  - colour: expected one of the known fields: name, tagline, description, url, language, timeZone, locale, logo, defaultSocialImage, accentColor, nav, categories, social, pageSizes, feeds, related, found an unknown field',
        '  - categories[2].slug: expected a unique slug ("a" is used twice), found "a"',
      ].join('\n'),
    );
  });
  it('rejects duplicate category slugs and empty category lists', () => {
    expect(() => defineSiteConfig({ ...base, categories: [{ slug: 'a', name: 'A', description: 'x' }, { slug: 'a', name: 'B', description: 'y' }] })).toThrow('categories[1].slug: expected a unique slug ("a" is used twice), found "a"');
    expect(() => defineSiteConfig({ ...base, categories: [] })).toThrow('categories: expected at least one category, found a list of 0');
  });
});
