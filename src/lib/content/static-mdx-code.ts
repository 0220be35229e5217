/**
 * The module @astrojs/mdx compiles for a static MDX body (src/lib/content/static-mdx.ts)
 * imports only the JSX runtime and exports `frontmatter` and `getHeadings`. Turned
 * into a function body that receives the runtime, it runs without Vite and
 * without leaving a module in Node's module map (1,000s of bodies per build).
 *
 * Sätteri prints one statement per line and JSON-escapes strings, so a line
 * that starts with `import` or `export` is a top-level statement. Any other
 * shape (another import, another export) returns undefined: the body then
 * stays a module, which is always correct.
 */

const RUNTIME_IMPORT = /^import \{([^}]*)\} from "astro\/jsx-runtime";$/;
const KNOWN_EXPORTS = /^export (const frontmatter = |function getHeadings\(\) )/;
const RUNTIME_NAMES = new Set(['Fragment', 'jsx', 'jsxs']);

/** `{ Fragment as _Fragment, jsx as _jsx }` as a destructuring pattern, or undefined for any other name. */
function runtimePattern(specifiers: string): string | undefined {
  const parts: string[] = [];
  for (const spec of specifiers.split(',')) {
    const match = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/.exec(spec);
    if (!match || !RUNTIME_NAMES.has(match[1]!)) return undefined;
    parts.push(match[2] ? `${match[1]}: ${match[2]}` : match[1]!);
  }
  return `{ ${parts.join(', ')} }`;
}

/**
 * A function body (for `new Function('runtime', body)`) that returns
 * `{ MDXContent, getHeadings }`, or undefined when the module is not the
 * expected shape.
 */
export function staticModuleBody(code: string): string | undefined {
  const lines = code.split('\n');
  let runtime = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^import\b/.test(line)) {
      const match = RUNTIME_IMPORT.exec(line);
      const pattern = match && runtimePattern(match[1]!);
      if (!pattern) return undefined;
      lines[i] = `const ${pattern} = runtime;`;
      runtime++;
    } else if (/^export\b/.test(line)) {
      if (!KNOWN_EXPORTS.test(line)) return undefined;
      lines[i] = line.slice('export '.length);
    }
  }
  if (runtime !== 1 || !/^function MDXContent\(/m.test(code) || !/^function getHeadings\(\)/m.test(lines.join('\n'))) return undefined;
  return `${lines.join('\n')}\nreturn { MDXContent, getHeadings };`;
}
