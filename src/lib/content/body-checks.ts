/**
 * Problems in article bodies and the images they name: what would otherwise
 * fail while rendering (or render wrong), reported at the author's line and column.
 */
import path from 'node:path';
import { analyseBody, type BodyReport } from './body.ts';
import { checkImage, isRemote } from './images.ts';
import type { ContentProblem } from './problems.ts';

/** Components every MDX article may use without an import (src/components/mdx/index.ts). */
export const BUILT_IN_COMPONENTS = ['Callout', 'Figure', 'PullQuote', 'KeyHighlights'];

export interface BodyInput {
  file: string;
  path: string;
  body: string;
  bodyLine: number;
}

export async function checkBody(entry: BodyInput, contentRoot: string, problems: ContentProblem[], warnings: ContentProblem[], requireText: boolean): Promise<BodyReport> {
  const format = entry.path.endsWith('.mdx') ? 'mdx' : 'md';
  const report = analyseBody(entry.body, format, entry.bodyLine);
  const at = (where: { line: number; column: number }) => ({ file: entry.file, line: where.line, column: where.column });
  if (report.syntaxError) {
    problems.push({ ...at(report.syntaxError), field: '(body)', expected: `valid ${format === 'mdx' ? 'MDX (escape < and { in prose as \\< and \\{)' : 'Markdown'}`, found: report.syntaxError.message });
  }
  if (requireText && report.empty) problems.push({ file: entry.file, line: entry.bodyLine + 1, column: 1, field: '(body)', expected: 'article text below the frontmatter', found: 'an empty body' });
  // The build strips them (src/data/content-loader.ts, src/integrations/strip-control.ts); the author should know.
  for (const where of report.controlChars) {
    warnings.push({ ...at(where), field: '(body)', expected: 'text without control characters (they are removed from pages and feeds)', found: 'a control character' });
  }
  for (const component of report.components) {
    if (BUILT_IN_COMPONENTS.includes(component.name) || report.imported.has(component.name)) continue;
    problems.push({
      ...at(component),
      field: '(body)',
      expected: `a component that is imported or built in (${BUILT_IN_COMPONENTS.join(', ')})`,
      found: `<${component.name}>, which is neither`,
    });
  }
  for (const image of report.images) {
    // Remote images stay plain <img> links; a site-absolute path names a file in public/.
    if (isRemote(image.url) || image.url.startsWith('/')) continue;
    const finding = await checkImage(image.url, path.dirname(entry.path), contentRoot);
    if (finding) problems.push({ ...at(image), field: '(body image)', ...finding });
  }
  return report;
}

/** Internal links to articles (`/articles/<slug>/`) and anchors (`#id`) must point at something that exists. */
export function checkLinks(entry: { id: string; file: string }, report: BodyReport, headingsOf: Map<string, string[]>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const link of report.links) {
    const local = /^#(.+)$/.exec(link.url);
    const article = /^\/articles\/([^/#?]+)\/?(?:#(.*))?$/.exec(link.url);
    const [slug, anchor] = local ? [entry.id, local[1]!] : article ? [article[1]!, article[2]] : [undefined, undefined];
    if (!slug) continue;
    const where = { file: entry.file, line: link.line, column: link.column, field: '(body link)' };
    const headings = headingsOf.get(slug);
    if (!headings) problems.push({ ...where, expected: 'a link to an existing article', found: `"${link.url}" (no article "${slug}")` });
    else if (anchor && !headings.includes(decodeURIComponent(anchor))) {
      problems.push({ ...where, expected: `an anchor that exists${headings.length ? ` (headings: ${headings.slice(0, 8).map((h) => `#${h}`).join(', ')}${headings.length > 8 ? ', ...' : ''})` : ''}`, found: `"${link.url}"` });
    }
  }
  return problems;
}
