/**
 * Every Markdown table in an MDX article, as the site shows it: a focusable
 * scroll container keeps wide spec tables usable on phones, and numeric cells
 * are marked for tabular digits. One definition for both ways an MDX body is
 * rendered: the `table` component of a module body (SpecTable.astro) and the
 * HTML of a static body rendered at load time (src/integrations/static-mdx.ts).
 */
import { markNumericCells } from './numeric-cells.ts';

/** The wrapper around one table, given the HTML of its rows (thead, tbody). */
export function specTableHtml(rowsHtml: string): string {
  return `<div class="table-scroll" tabindex="0" role="group" aria-label="Table, scrolls sideways on small screens"><table>${markNumericCells(rowsHtml)}</table></div>`;
}

/**
 * Wraps every table of a static MDX body's HTML as SpecTable would. Only for
 * HTML rendered from a body without JSX or raw HTML: its tables come from
 * Markdown alone, so they carry no attributes and never nest.
 */
export function wrapSpecTables(html: string): string {
  return html.replace(/<table>([\s\S]*?)<\/table>/g, (_table, rows: string) => specTableHtml(rows));
}
