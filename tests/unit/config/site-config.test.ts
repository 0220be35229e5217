import { describe, expect, it } from 'vitest';
import { defineSiteConfig, type SiteConfigInput } from '../../../src/lib/config/schema.ts';
import site from '../../../src/site.config.ts';

const base: SiteConfigInput = {
  name: 'Test', tagline: 'T', description: 'D', url: 'https://example.com/', language: 'en', logo: '/logo.svg',
  defaultSocialImage: '/s.png', accentColor: '#112233', categories: [{ slug: 'models', name: 'Models', description: 'M' }],
};

describe('site config', () => {
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
        '  - url: expected an absolute http(s) URL',
        '  - language: expected a BCP 47 language tag such as "en" or "en-GB"',
        '  - accentColor: expected a hex colour such as "#c2410c"',
        '  - categories.0.slug: expected a lower-case slug such as "models"',
        '  - colour: not a known setting',
        '  - categories.2.slug: expected a unique slug ("a" is used twice)',
      ].join('\n'),
    );
  });
  it('rejects duplicate category slugs and empty category lists', () => {
    expect(() => defineSiteConfig({ ...base, categories: [{ slug: 'a', name: 'A', description: 'x' }, { slug: 'a', name: 'B', description: 'y' }] })).toThrow('categories.1.slug: expected a unique slug ("a" is used twice)');
    expect(() => defineSiteConfig({ ...base, categories: [] })).toThrow('categories: expected at least one category');
  });
});
