import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { accentPalette, accentStyle, contrast, DARK_BACKGROUNDS, LIGHT_BACKGROUNDS, mix, parseHex, readableOn } from '../../../src/lib/design/contrast.ts';

const tokens = readFileSync('src/styles/tokens.css', 'utf8');

describe('contrast arithmetic', () => {
  it('matches WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });
  it('parses short and long hex and rejects anything else', () => {
    expect(parseHex('#abc')).toEqual([170, 187, 204]);
    expect(parseHex('B4232A')).toEqual([180, 35, 42]);
    expect(() => parseHex('red')).toThrow('expected a hex colour like #b4232a, found "red"');
  });
  it('mixes in sRGB', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
  });
  it('leaves a readable colour alone and moves an unreadable one only as far as needed', () => {
    expect(readableOn('#111111', ['#ffffff'], '#000000')).toBe('#111111');
    const fixed = readableOn('#ffcc00', ['#ffffff'], '#000000');
    expect(contrast(fixed, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(mix('#ffcc00', '#000000', 0), '#ffffff')).toBeLessThan(4.5);
  });
});

describe('accent palette from site.accentColor', () => {
  it.each(['#b4232a', '#ffcc00', '#0057ff', '#00a86b', '#7c3aed', '#000000', '#ffffff'])('%s is AA as text in both themes', (brand) => {
    const p = accentPalette(brand);
    for (const bg of LIGHT_BACKGROUNDS) expect(contrast(p.light, bg), `light on ${bg}`).toBeGreaterThanOrEqual(4.5);
    for (const bg of DARK_BACKGROUNDS) expect(contrast(p.dark, bg), `dark on ${bg}`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.onLight, p.light)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.onDark, p.dark)).toBeGreaterThanOrEqual(4.5);
  });
  it('keeps the default red as configured in light mode and lightens it for dark mode', () => {
    const p = accentPalette('#b4232a');
    expect(p.light).toBe('#b4232a');
    expect(p.dark).not.toBe('#b4232a');
    expect(accentStyle('#b4232a')).toBe(`--accent-brand: #b4232a; --accent-light: #b4232a; --accent-dark: ${p.dark}; --on-accent-light: #ffffff; --on-accent-dark: #111111`);
  });
});

describe('tokens.css', () => {
  const block = (selectorStart: string) => {
    const at = tokens.indexOf(selectorStart);
    return tokens.slice(tokens.indexOf('{', at) + 1, tokens.indexOf('}', at)).split('\n').map((l) => l.trim()).filter(Boolean);
  };
  it('keeps the system-dark and chosen-dark palettes identical', () => {
    expect(block(":root:not([data-theme='light'])")).toEqual(block(":root[data-theme='dark']"));
  });
  it('uses the backgrounds the accent is checked against', () => {
    const [bg, surface, surface2] = LIGHT_BACKGROUNDS;
    expect(tokens).toContain(`--bg: ${bg};`);
    expect(tokens).toContain(`--surface: ${surface};`);
    expect(tokens).toContain(`--surface-2: ${surface2};`);
    const dark = block(":root[data-theme='dark']");
    expect(dark).toEqual(expect.arrayContaining(DARK_BACKGROUNDS.map((c, i) => `${['--bg', '--surface', '--surface-2'][i]}: ${c};`)));
  });
  it('has AA body and muted text in both palettes', () => {
    const value = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}:`))!.split(':')[1]!.trim().replace(';', '');
    const light = tokens.slice(0, tokens.indexOf('@media')).split('\n').map((l) => l.trim());
    const dark = block(":root[data-theme='dark']");
    for (const lines of [light, dark]) {
      for (const bg of ['--bg', '--surface', '--surface-2']) {
        expect(contrast(value(lines, '--text'), value(lines, bg))).toBeGreaterThanOrEqual(7);
        expect(contrast(value(lines, '--text-muted'), value(lines, bg))).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
