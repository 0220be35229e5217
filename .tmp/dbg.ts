import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
const { document } = parseHTML(readFileSync('/tmp/wt14-ov/404.html', 'utf8'));
console.log([...document.querySelectorAll('script')].map((s) => s.outerHTML.slice(0, 100)));
const f = [...document.querySelectorAll('script[src]')];
console.log(f.length, f.map((s) => s.getAttribute('src')));
