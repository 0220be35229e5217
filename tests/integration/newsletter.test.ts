/**
 * The newsletter block, rendered with Astro's Container API: a plain HTML form
 * (works without JavaScript) posting to the configured provider, with a
 * labelled email field, the provider's hidden fields and the thanks-page
 * redirect; and, with the newsletter off (the default), links to the feeds.
 * The site config rules for it are checked here too.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import Newsletter from '../../src/components/Newsletter.astro';
import { newsletterSchema, siteConfigSchema } from '../../src/lib/config/schema.ts';
import site from '../../src/site.config.ts';

async function render(props: Record<string, unknown>) {
  const container = await AstroContainer.create();
  const html = await container.renderToString(Newsletter, { props });
  return parseHTML(`<!doctype html><body>${html}</body>`).document;
}

describe('newsletter block', () => {
  it('is a no-JS form to the provider, with a labelled email input and the hidden fields', async () => {
    const config = newsletterSchema.parse({
      enabled: true, action: 'https://mail.example.net/subscribe/abc', emailField: 'EMAIL',
      hiddenFields: { list: 'weekly' }, redirectField: 'redirect_url', title: 'The Friday briefing',
    });
    const doc = await render({ id: 'nl', config });
    const form = doc.querySelector('form')!;
    expect(form.getAttribute('action')).toBe('https://mail.example.net/subscribe/abc');
    expect(form.getAttribute('method')).toBe('post');
    const input = form.querySelector('input[type="email"]')!;
    expect(input.getAttribute('name')).toBe('EMAIL');
    expect(input.hasAttribute('required')).toBe(true);
    expect(input.getAttribute('autocomplete')).toBe('email');
    expect(doc.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Email address');
    expect(form.querySelector('button[type="submit"]')?.textContent).toBe('Subscribe');
    expect([...form.querySelectorAll('input[type="hidden"]')].map((i) => [i.getAttribute('name'), i.getAttribute('value')])).toEqual([
      ['list', 'weekly'],
      ['redirect_url', `${site.url}/newsletter/thanks/`],
    ]);
    expect(doc.querySelector('h2')?.textContent).toBe('The Friday briefing');
    expect(doc.querySelector('script')).toBeNull();
  });

  it('means the feeds when it is off (the default)', async () => {
    const doc = await render({ id: 'nl', config: newsletterSchema.parse({}) });
    expect(doc.querySelector('form')).toBeNull();
    expect(doc.querySelector('h2')?.textContent).toBe('Subscribe');
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/feeds/', '/rss.xml', '/feed.json']);
  });
});

describe('newsletter config', () => {
  it('is off by default and needs a provider URL when switched on', () => {
    expect(siteConfigSchema.parse({ ...site, newsletter: undefined }).newsletter.enabled).toBe(false);
    const problems = newsletterSchema.safeParse({ enabled: true }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems).toEqual(['action: the provider’s form URL (required when the newsletter is enabled)']);
    expect(newsletterSchema.safeParse({ enabled: true, action: 'not a url' }).success).toBe(false);
  });
});
