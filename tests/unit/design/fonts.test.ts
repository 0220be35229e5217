import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { readMetrics } from '../../../src/lib/fonts/sfnt.ts';
import { fallbackFace, fallbackOverrides, SYSTEM_FONTS } from '../../../src/lib/fonts/fallback.ts';
import { CharCollector, charsOf, visibleText } from '../../../src/lib/fonts/charset.ts';
import { ALWAYS_KEEP, FACES, webFace } from '../../../src/lib/fonts/faces.ts';
import { WEIGHTED_CHARS } from '../../../src/lib/fonts/weightings.ts';

const inter = readFileSync('node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2');

describe('font metrics from an SFNT file', () => {
  it('reads Inter: 2048 units per em, hhea ascent/descent/gap, average width', async () => {
    const m = readMetrics(await subsetFont(inter, WEIGHTED_CHARS, { targetFormat: 'sfnt', variationAxes: { wght: 400 } }));
    expect(m).toMatchObject({ unitsPerEm: 2048, ascent: 1984, descent: -494, lineGap: 0 });
    // Inter's average latin character is about 0.477 em, which gives the familiar ~107% size-adjust over Arial.
    expect(m.xWidthAvg).toBeGreaterThan(970);
    expect(m.xWidthAvg).toBeLessThan(985);
  });
  it('refuses compressed WOFF2 input with a clear message', () => {
    expect(() => readMetrics(inter)).toThrow(/expected an SFNT font/);
  });
});

describe('metric-matched fallbacks', () => {
  it('scales Arial to Inter as the known reference does (size-adjust about 107%)', () => {
    const o = fallbackOverrides({ unitsPerEm: 2048, ascent: 1984, descent: -494, lineGap: 0, xWidthAvg: 977 }, SYSTEM_FONTS.Arial.metrics);
    expect(o.sizeAdjust).toBeCloseTo(1.0701, 3);
    expect(o.ascentOverride * o.sizeAdjust).toBeCloseTo(1984 / 2048, 5);
    expect(o.lineGapOverride).toBe(0);
  });
  it('renders a local() face with all four overrides', () => {
    const css = fallbackFace('Inter Fallback', '100 549', SYSTEM_FONTS.Arial, { unitsPerEm: 2048, ascent: 1984, descent: -494, lineGap: 0, xWidthAvg: 913 });
    expect(css).toBe("@font-face{font-family:'Inter Fallback';font-style:normal;font-weight:100 549;src:local('Arial'),local('ArialMT'),local('Liberation Sans');size-adjust:100%;ascent-override:96.88%;descent-override:24.12%;line-gap-override:0%}");
  });
});

describe('web faces', () => {
  it('declare swap, the kept weight range and a woff2 source', () => {
    expect(webFace(FACES[0]!)).toBe("@font-face{font-family:'Source Serif 4';font-style:normal;font-weight:400 700;font-display:swap;src:url(/_astro/fonts/source-serif-4-normal.woff2) format('woff2')}");
    expect(FACES.filter((f) => f.preload).map((f) => f.id)).toEqual(['source-serif-4-normal', 'inter-normal']);
  });
});

describe('characters for subsetting', () => {
  it('takes visible text and text-like attributes, not scripts, styles or comments', () => {
    const html = '<html><head><style>.x{content:"Q"}</style><script>var z = "Ж"</script></head><body><!-- ψ --><p title="Tι">Caf&eacute; &amp; &#x2014; &#8217;</p><input placeholder="Søk"></body></html>';
    const text = visibleText(html);
    expect(text).toContain('Café & — ’');
    expect(text).toContain('Søk');
    expect(text).not.toMatch(/[ЖψQ]/);
  });
  it('decodes numeric and named entities in page text, leaving unknown ones', () => {
    expect(visibleText('<p>&lt;a&gt; &quot;&apos; &nbsp;&#65;&#x42; &bogus; &eacute;</p>')).toContain('<a> "\' \u00a0AB &bogus; é');
  });
  it('returns sorted unique characters without control whitespace', () => {
    expect(charsOf('cab\n', 'bca\t')).toBe('abc');
    expect(charsOf(ALWAYS_KEEP)).toContain('“');
  });
  it('collects page by page the same characters as all pages at once (the build reads one page at a time)', () => {
    const pages = ['<p>Zürich\tcafé</p>', '<p>naïve 😀 “quoted”</p>', '<p>abc</p>'].map(visibleText);
    const collector = new CharCollector();
    for (const page of pages) collector.add(page);
    expect(collector.toString()).toBe(charsOf(...pages));
    expect(collector.toString()).toContain('😀');
    expect(collector.toString()).not.toContain('\t');
  });
});
