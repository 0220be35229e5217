/** The owner's look from the config, as custom properties on <html> (tokens.css reads them). */
import { accentStyle } from '../design/contrast.ts';

export interface Appearance {
  accentColor: string;
  fonts: { serif?: string | undefined; sans?: string | undefined };
}

export function appearanceStyle({ accentColor, fonts }: Appearance): string {
  const parts = [accentStyle(accentColor)];
  if (fonts.serif) parts.push(`--font-serif: ${fonts.serif}`);
  if (fonts.sans) parts.push(`--font-sans: ${fonts.sans}`);
  return parts.join('; ');
}

/** Bundled faces to preload: none for a family the owner replaced. */
export function preloadsFor(hrefs: readonly string[], fonts: Appearance['fonts']): string[] {
  return hrefs.filter((href) => !(fonts.serif && /source-serif/.test(href)) && !(fonts.sans && /\/inter-/.test(href)));
}

/** The footer line: `{year}` and `{name}` are filled in. */
export const footerText = (template: string, values: { year: number; name: string }) =>
  template.replaceAll('{year}', String(values.year)).replaceAll('{name}', values.name);
