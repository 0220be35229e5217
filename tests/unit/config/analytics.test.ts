import { describe, expect, it } from 'vitest';
import { analyticsOrigins, analyticsSchema, analyticsScript } from '../../../src/lib/config/analytics.ts';
import { cspConfig } from '../../../src/integrations/csp.ts';

const parse = (input: unknown) => analyticsSchema.parse(input);

describe('analytics providers', () => {
  it('builds each provider script and the origins the CSP needs', () => {
    const plausible = parse({ provider: 'plausible', domain: 'news.example.net' });
    expect(analyticsScript(plausible)).toEqual({ src: 'https://plausible.io/js/script.js', attributes: { 'data-domain': 'news.example.net' } });
    expect(analyticsOrigins(plausible)).toEqual({ script: ['https://plausible.io'], connect: ['https://plausible.io'], img: [] });

    const umami = parse({ provider: 'umami', websiteId: '3f1e4c1a-6f0b-4b7e-9a53-0c2a0e6f4d11', src: 'https://stats.example.net/script.js' });
    expect(analyticsScript(umami).attributes).toEqual({ 'data-website-id': '3f1e4c1a-6f0b-4b7e-9a53-0c2a0e6f4d11' });
    expect(analyticsOrigins(umami).connect).toEqual(['https://stats.example.net']);

    const goat = parse({ provider: 'goatcounter', code: 'news' });
    expect(analyticsScript(goat)).toEqual({ src: 'https://gc.zgo.at/count.js', attributes: { 'data-goatcounter': 'https://news.goatcounter.com/count' } });
    expect(analyticsOrigins(goat)).toEqual({ script: ['https://gc.zgo.at'], connect: ['https://news.goatcounter.com'], img: ['https://news.goatcounter.com'] });

    const custom = parse({ provider: 'script', src: 'https://cdn.example.org/a.js', attributes: { 'data-site': 'x' }, connect: ['https://collect.example.org/e'] });
    expect(analyticsOrigins(custom)).toEqual({ script: ['https://cdn.example.org'], connect: ['https://collect.example.org'], img: [] });
  });

  it('extends the CSP only when on', () => {
    const off = cspConfig();
    expect(off.directives).not.toContainEqual(expect.stringMatching(/^connect-src/));
    expect(off.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const on = cspConfig(parse({ provider: 'goatcounter', code: 'news' }));
    expect(on.directives).toContain("connect-src 'self' https://news.goatcounter.com");
    expect(on.directives).toContain("img-src 'self' data: https://news.goatcounter.com");
    expect(on.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'", 'https://gc.zgo.at']);
  });

  it('refuses plain http and unknown providers', () => {
    expect(analyticsSchema.safeParse({ provider: 'umami', websiteId: '3f1e4c1a-6f0b-4b7e-9a53-0c2a0e6f4d11', src: 'http://x.org/s.js' }).success).toBe(false);
    expect(analyticsSchema.safeParse({ provider: 'ga' }).success).toBe(false);
  });
});
