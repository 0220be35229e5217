/**
 * Control characters are invalid in HTML and XML. Frontmatter text is cleaned
 * by the schema and Markdown bodies by the content loader; MDX bodies are
 * compiled from the file itself, so this Vite plugin cleans them first (the
 * pre-flight check warns the author about each one).
 */
import type { Plugin } from 'vite';
import { stripControlChars } from '../lib/content/schema.ts';

export function stripControlCharsPlugin(): Plugin {
  return {
    name: 'broadsheet:strip-control-chars',
    // Before @astrojs/mdx compiles the file.
    enforce: 'pre',
    transform(code, id) {
      if (!/\.mdx$/.test(id.split('?')[0]!)) return undefined;
      const clean = stripControlChars(code);
      return clean === code ? undefined : { code: clean, map: null };
    },
  };
}
