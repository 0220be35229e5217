/**
 * What an MDX body may run at build time. MDX is JavaScript: `import`,
 * `export` and `{expressions}` execute on the build machine.
 *  - Always: every import must be a file inside the content folder, after
 *    following symlinks (no packages, no `node:fs`, no `../../src/...`).
 *  - Under `content.trust: 'untrusted'`: no import/export and no expressions
 *    at all (text, JSX attributes, spreads); Markdown and the components from
 *    mdxComponents with literal attributes still work.
 * Pure checks over ESTree programs, shared by the build's pre-flight and the
 * compile-time guard in the Markdown pipeline (both in src/integrations/markdown.ts).
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { defineHastPlugin, mdxToJs, type HastPluginDefinition } from 'satteri';
import type { ContentProblem } from './problems.ts';

export type Trust = 'trusted' | 'untrusted';

export interface MdxCodeContext {
  trust: Trust;
  /** Absolute path of the article file (imports resolve against its folder). */
  absFile: string;
  /** Path shown in reports. */
  file: string;
  /** Absolute content folder. */
  contentDir: string;
  /** Lines before the body (the frontmatter), so lines are the file's own. */
  lineOffset?: number;
}

interface EstreeLike {
  type: string;
  source?: { type: string; value?: unknown } | null;
  [key: string]: unknown;
}

const UNTRUSTED = 'content.trust is "untrusted"';
const short = (code: string) => {
  const line = code.trim().split('\n')[0] ?? '';
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
};

/** Every import source in a program: static, re-export and literal dynamic import(); null for a computed one. */
export function importSources(program: EstreeLike): (string | null)[] {
  const found: (string | null)[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as EstreeLike;
    if ((n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ExportNamedDeclaration') && n.source) {
      found.push(typeof n.source.value === 'string' ? n.source.value : null);
    }
    if (n.type === 'ImportExpression') found.push(n.source?.type === 'Literal' && typeof n.source.value === 'string' ? n.source.value : null);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'range' && key !== 'position') walk(value);
  };
  walk(program);
  return found;
}

const inside = (dir: string, file: string) => {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Why an import specifier is refused, or undefined when it is a file inside the content folder. */
export function importRefusal(spec: string | null, ctx: MdxCodeContext): string | undefined {
  if (spec === null) return 'a computed import(), which cannot be checked';
  if (!/^\.{1,2}\//.test(spec) && !path.isAbsolute(spec)) return `${JSON.stringify(spec)} (a package or built-in module, outside the content folder)`;
  const target = path.resolve(path.dirname(ctx.absFile), spec.replace(/[?#].*$/, ''));
  if (!inside(ctx.contentDir, target)) return `${JSON.stringify(spec)} (outside the content folder)`;
  if (!existsSync(target)) return `${JSON.stringify(spec)} (no such file)`;
  const root = existsSync(ctx.contentDir) ? realpathSync(ctx.contentDir) : ctx.contentDir;
  if (!inside(root, realpathSync(target))) return `${JSON.stringify(spec)} (resolves outside the content folder${realpathSync(target) !== target ? ', through a symlink' : ''})`;
  return undefined;
}

const at = (ctx: MdxCodeContext, line: number | undefined) => (line === undefined ? 'body' : `body (line ${line + (ctx.lineOffset ?? 0)})`);

/** Problems in one import/export block. */
export function esmProblems(code: string, program: EstreeLike | null, line: number | undefined, ctx: MdxCodeContext): ContentProblem[] {
  const field = at(ctx, line);
  if (ctx.trust === 'untrusted') return [{ file: ctx.file, field, expected: `no import or export, because ${UNTRUSTED}`, found: short(code) }];
  return (program ? importSources(program) : [])
    .map((spec) => importRefusal(spec, ctx))
    .filter((why): why is string => why !== undefined)
    .map((why) => ({ file: ctx.file, field, expected: 'an import of a file inside the content folder', found: why }));
}

/** Problems for one {expression} (text or attribute). */
export function expressionProblems(code: string, program: EstreeLike | null, line: number | undefined, ctx: MdxCodeContext, where = 'expression'): ContentProblem[] {
  const field = at(ctx, line);
  if (ctx.trust === 'untrusted') return [{ file: ctx.file, field, expected: `no {…} ${where}, because ${UNTRUSTED}`, found: short(`{${code}}`) }];
  return (program ? importSources(program) : [])
    .map((spec) => importRefusal(spec, ctx))
    .filter((why): why is string => why !== undefined)
    .map((why) => ({ file: ctx.file, field, expected: 'an import of a file inside the content folder', found: why }));
}

interface Parseable { value?: unknown; position?: { start?: { line?: number } } | undefined; parseExpression(): unknown }
interface JsxNode { name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[]; position?: { start?: { line?: number } } | undefined }

/** A Sätteri hast plugin that hands every code problem of a body to `report`. */
export function mdxCodePlugin(ctxFor: (fileURL: URL | undefined) => MdxCodeContext, report: (problems: ContentProblem[]) => void): HastPluginDefinition {
  const code = (kind: 'esm' | 'expression') => (node: Parseable, visit: { fileURL: URL | undefined }) => {
    const ctx = ctxFor(visit.fileURL);
    const line = node.position?.start?.line;
    const program = (node.parseExpression() ?? null) as EstreeLike | null;
    report(kind === 'esm' ? esmProblems(String(node.value ?? ''), program, line, ctx) : expressionProblems(String(node.value ?? ''), program, line, ctx));
  };
  const jsx = (node: JsxNode, visit: { fileURL: URL | undefined }) => {
    const ctx = ctxFor(visit.fileURL);
    if (ctx.trust !== 'untrusted') return;
    const line = node.position?.start?.line;
    for (const attribute of node.attributes ?? []) {
      if (attribute.type === 'mdxJsxExpressionAttribute') report(expressionProblems(String(attribute.value ?? ''), null, line, ctx, `spread attribute on <${node.name}>`));
      else if (attribute.value && typeof attribute.value === 'object') report(expressionProblems(String((attribute.value as { value?: unknown }).value ?? ''), null, line, ctx, `attribute value (${attribute.name} on <${node.name}>)`));
    }
  };
  return defineHastPlugin({
    name: 'broadsheet-mdx-code',
    options: { position: true },
    mdxjsEsm: code('esm'),
    mdxFlowExpression: code('expression'),
    mdxTextExpression: code('expression'),
    mdxJsxFlowElement: { filter: [], visit: jsx },
    mdxJsxTextElement: { filter: [], visit: jsx },
  });
}

/** Every code problem of one .mdx body (compiled by Sätteri, never run); the build's pre-flight is src/integrations/markdown.ts. */
export function checkMdxBody(body: string, ctx: MdxCodeContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  try {
    mdxToJs(body, { hastPlugins: [mdxCodePlugin(() => ctx, (p) => problems.push(...p))] });
  } catch {
    // A syntax error is reported by the MDX compiler itself, with its position.
  }
  return problems;
}
