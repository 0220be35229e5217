/**
 * WCAG 2 contrast arithmetic and the accent palette: the site owner's one
 * accent colour, adjusted just enough to stay readable (AA, 4.5:1) as text on
 * the light and the dark theme's backgrounds.
 */
export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`expected a hex colour like #b4232a, found "${hex}"`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

export const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(parseHex(a)), luminance(parseHex(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `t` of the way from `from` to `to` (0 = from, 1 = to), in sRGB. */
export function mix(from: string, to: string, t: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  return toHex(a.map((c, i) => c + (b[i]! - c) * t) as Rgb);
}

/**
 * The colour closest to `hex` that reaches `min` contrast on every background,
 * moving toward `toward` (black for light themes, white for dark ones).
 */
export function readableOn(hex: string, backgrounds: string[], toward: string, min = 4.5): string {
  const ok = (c: string) => backgrounds.every((bg) => contrast(c, bg) >= min);
  const start = toHex(parseHex(hex));
  if (ok(start)) return start;
  for (let step = 1; step <= 100; step++) {
    const candidate = mix(start, toward, step / 100);
    if (ok(candidate)) return candidate;
  }
  return toward;
}

/** Backgrounds that accent-coloured text sits on (must match src/styles/tokens.css: --bg, --surface, --surface-2). */
export const LIGHT_BACKGROUNDS = ['#fbfaf6', '#ffffff', '#f2efe7'];
export const DARK_BACKGROUNDS = ['#121210', '#1b1a17', '#26241f'];

export interface AccentPalette {
  /** The configured colour, as given. */
  brand: string;
  /** Accent for text and rules in the light theme. */
  light: string;
  /** A lightened accent for the dark theme. */
  dark: string;
  /** Text on an accent-filled background, per theme. */
  onLight: string;
  onDark: string;
}

// Every page and card asks for the site's one accent: the search below is worth doing once (0.5 s of 1,508 pages, profiled).
const palettes = new Map<string, AccentPalette>();

export function accentPalette(brand: string): AccentPalette {
  let palette = palettes.get(brand);
  if (!palette) palettes.set(brand, (palette = searchPalette(brand)));
  return { ...palette };
}

function searchPalette(brand: string): AccentPalette {
  // A margin above 4.5 in dark mode keeps small uppercase kickers crisp on near-black.
  const light = readableOn(brand, LIGHT_BACKGROUNDS, '#000000', 4.6);
  const dark = readableOn(brand, DARK_BACKGROUNDS, '#ffffff', 5.5);
  const onto = (bg: string) => (contrast(bg, '#ffffff') >= contrast(bg, '#111111') ? '#ffffff' : '#111111');
  return { brand, light, dark, onLight: onto(light), onDark: onto(dark) };
}

/** The custom properties BaseLayout sets on <html>; tokens.css maps them to --accent per theme. */
export function accentStyle(brand: string): string {
  const p = accentPalette(brand);
  return `--accent-brand: ${p.brand}; --accent-light: ${p.light}; --accent-dark: ${p.dark}; --on-accent-light: ${p.onLight}; --on-accent-dark: ${p.onDark}`;
}
