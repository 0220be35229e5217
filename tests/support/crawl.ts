/**
 * Every internal reference in a built site: links, assets, srcsets, forms and
 * the URLs in head metadata, feeds, the sitemap and stylesheets. Each is
 * reported with the file it came from, so a failing crawl names the page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';

export interface Reference { from: string; url: string }

export function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, root) : [path.relative(root, full)];
  });
}

const srcsetUrls = (value: string) => value.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean);

function htmlReferences(html: string): string[] {
  const { document } = parseHTML(html);
  const out: string[] = [];
  for (const el of document.querySelectorAll('[href], [src], [srcset], [action], [poster]')) {
    for (const attr of ['href', 'src', 'action', 'poster']) {
      const value = el.getAttribute(attr);
      if (value !== null) out.push(value);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) out.push(...srcsetUrls(srcset));
  }
  for (const meta of document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')) {
    const content = meta.getAttribute('content') ?? '';
    if (/^https?:\/\//.test(content)) out.push(content);
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    out.push(...(script.textContent ?? '').match(/https?:\/\/[^"\s]+/g) ?? []);
  }
  return out;
}

/** All references in the site's HTML, XML, JSON and CSS files, each with its source file. */
export function siteReferences(outDir: string): Reference[] {
  const refs: Reference[] = [];
  for (const file of filesUnder(outDir)) {
    if (file.startsWith(`pagefind${path.sep}`)) continue;
    const text = () => readFileSync(path.join(outDir, file), 'utf8');
    let found: string[] = [];
    if (file.endsWith('.html')) found = htmlReferences(text());
    else if (file.endsWith('.xml') || file.endsWith('.json')) found = text().match(/https?:\/\/[^"<\s\\]+|(?<=href=")\/[^"]*/g) ?? [];
    else if (file.endsWith('.css')) found = [...text().matchAll(/url\(["']?([^)"']+)["']?\)/g)].map((m) => m[1]!).filter((u) => !u.startsWith('data:'));
    refs.push(...found.map((url) => ({ from: file, url: url.replace(/&quot;.*$/, "").replace(/&amp;/g, "&") })));
  }
  return refs;
}
