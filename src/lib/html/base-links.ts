/**
 * Site links that authors type in a body (`[see](/articles/x/)`,
 * `![chart](/charts/a.png)`) are paths from the site's root. Under a base path
 * (`https://example.com/blog/`) they need the base, as every link the theme
 * makes has it (src/lib/content/urls.ts). Links that are already under the
 * base, relative links, fragments and other origins are left as written.
 * Pure: a Sätteri hast plugin over Markdown's own links and images.
 */
import { defineHastPlugin, type HastPluginDefinition } from 'satteri';
import { urlScheme } from '../content/urls.ts';

const URL_PROPERTIES = ['href', 'src'] as const;

export function baseLinksPlugin(base: string): HastPluginDefinition {
  const { link } = urlScheme(base);
  return defineHastPlugin({
    name: 'broadsheet-base-links',
    element: {
      filter: ['a', 'img', 'source'],
      visit(node, ctx) {
        const properties = (node as { properties?: Record<string, unknown> }).properties ?? {};
        for (const key of URL_PROPERTIES) {
          const value = properties[key];
          if (typeof value === 'string' && link(value) !== value) ctx.setProperty(node, key, link(value));
        }
      },
    },
  });
}
