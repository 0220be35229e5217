/** Bodies that try the author-HTML allow-list (src/lib/html/body-policy.ts). */

/** Raw HTML that must never reach a page. */
export const HOSTILE = [
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<script>alert(1)</script>',
  '<iframe srcdoc="<script>alert(2)</script>"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="https://evil.example/"><input name="q"></form>',
  '<svg><script>alert(3)</script></svg>',
  '<div onclick="alert(4)" data-pagefind-filter="tag:Fake">kept text</div>',
].join('\n\n');

/**
 * Markdown's own ways to make a URL or a character, good and refused: the
 * cases the allow-list's quick path (plain bodies) must treat exactly as the
 * full walk does. Some hold `<`, `&#` or a control character on purpose, so the
 * full walk runs on them.
 */
export const URL_AND_CHARACTER_BODIES: readonly string[] = [
  '[js link](javascript:alert(1)) and ![data image](data:image/png;base64,AAAA) in one paragraph.',
  '![only a refused image](javascript:alert(1))',
  '![remote](https://elsewhere.example/a.png) ![also refused](data:image/gif;base64,R0lGOD)',
  'A [![nested image](data:image/gif;base64,R0)](javascript:void(0)) link.',
  '[mixed case](JaVaScRiPt:alert(1)) and [tab inside](java\tscript:alert(1)) and [vb](vbscript:msgbox(1)).',
  '[data page](data:text/html;base64,PHNjcmlwdD4=) and [fine](https://example.com/a?b=c&d=e).',
  '[root relative](/articles/x/) [fragment](#top) [protocol relative](//evil.example/x) ![protocol relative image](//evil.example/x.png)',
  'Local ![chart](./chart.png "A title") and absolute ![logo](/logo.png).',
  'Autolinks: <https://example.com/x>, <javascript:alert(1)>, <mailto:desk@example.com>, <desk@example.com>.',
  'GFM literals: www.example.com, https://example.com/path?q=1, desk@example.com, and mailto:desk@example.com.',
  'A footnote[^note] and another[^2].\n\n[^note]: It links [nowhere good](javascript:alert(1)).\n\n[^2]: And [somewhere fine](https://example.com/).',
  'By reference: [fine][ok], [refused][bad], ![picture][pic], [collapsed][] and [shortcut].\n\n[ok]: https://example.com "Title"\n[bad]: javascript:alert(1)\n[pic]: data:image/png;base64,AA\n[collapsed]: https://example.com/c\n[shortcut]: vbscript:x',
  'Named entities &amp; &copy; &nbsp; &Tab;tab &NewLine;newline &lt;b&gt; and a link [&lt;x&gt;](https://example.com/&amp;).',
  // Every control character stripControlChars removes, and C1 ones, as numeric references: Sätteri makes them U+FFFD.
  `Numeric references ${[...Array(32).keys(), ...Array.from({ length: 33 }, (_, i) => 127 + i)].map((c) => (c % 2 ? `&#${c};` : `&#x${c.toString(16)};`)).join(' ')} &#60;script&#62; and nothing to refuse.`,
  'A numeric reference hides a refused link: [encoded](&#106;avascript:alert(1)).',
  'Control characters: bell \u0007, start of heading \u0001, delete \u007f, inside `code \u0002` too.',
  'An HTML comment <!-- hidden --> and <span onclick="x()">a span</span>.',
  'Braces {1 + 1} and a string {"<b>"} are text in Markdown and expressions in MDX.',
  '```js\nconst url = "javascript:alert(1)"; // code, not a link\n```\n\nAnd `[not a link](javascript:x)` inline.',
  'Tasks:\n\n- [ ] to do with [link](javascript:1)\n- [x] done',
  '> A quote with [a link](vbscript:msgbox) and ~~struck [text](javascript:1)~~.',
  '| Column | Other |\n| --- | --- |\n| [x](javascript:1) | ![y](data:,z) |',
  'Smart "quotes" -- dashes --- and ... ellipses, with a backslash\\\nbreak and a hard  \nbreak.',
  '# Heading with [a link](javascript:alert(1))\n\nText.',
  // Allowed when configured (CONFIGURED_POLICY): a frame and an image host; the inline frame is still dropped with its content.
  'Inline <iframe src="https://www.youtube-nocookie.com/embed/x" title="Video">fallback</iframe> frame.',
  '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>\n\n![hosted](https://images.example.com/a.png) ![not hosted](https://images.example.org/a.png)',
];

/** A site configuration that allows more than the base list. */
export const CONFIGURED_POLICY = { allow: { iframe: ['src', 'title'], span: ['id'] }, imageHosts: ['images.example.com'], frameHosts: ['www.youtube-nocookie.com'] };
