import { describe, expect, it } from 'vitest';
import { prepareFeedHtml, sanitizeFeedHtml } from '../../../src/lib/feed/sanitize.ts';
import { stripXmlInvalidChars } from '../../../src/lib/feed/xml-text.ts';
import { articleHtml, hostileHtml } from '../../fixtures/feed/records.ts';

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('stripXmlInvalidChars', () => {
  it('removes C0 controls (except tab, LF, CR), U+FFFE/U+FFFF and lone surrogates', () => {
    const input = 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFFi\uD800j\uDC00k';
    expect(stripXmlInvalidChars(input)).toBe('abcdefghijk');
  });

  it('keeps tab, newline, CR, emoji (surrogate pairs), RTL text and ampersands', () => {
    const input = 'tab\tnl\ncr\r 😀 مرحبا שלום & <';
    expect(stripXmlInvalidChars(input)).toBe(input);
  });
});

describe('sanitizeFeedHtml with hostile input', () => {
  const out = sanitizeFeedHtml(hostileHtml);

  it('removes executable markup', () => {
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<style/i);
    expect(out).not.toMatch(/<iframe/i);
    expect(out).not.toMatch(/<(object|embed|form|input|button|svg|noscript)\b/i);
    expect(out).not.toMatch(/\son\w+\s*=/i);
    expect(out).not.toMatch(/javascript:/i);
    expect(out).not.toMatch(/data:/i);
    expect(out).not.toMatch(/\sstyle=/i);
    expect(out).not.toContain('alert');
    expect(out).not.toContain('display: none');
  });

  it('keeps the harmless text and markup', () => {
    expect(out).toContain('<h2>Hostile &amp; harmless</h2>');
    expect(out).toContain('emoji 😀');
    expect(out).toContain('Arabic مرحبا بالعالم');
    expect(out).toContain('Hebrew שלום עולם');
    expect(out).toContain('CDATA end ]]&gt; and &amp; ampersand');
    expect(out).toContain('<img src="/x.png" alt="pic" />');
    expect(out).toContain('<a>js link</a>');
    expect(out).toContain('<a>tabbed js link</a>');
  });

  it('strips control characters, including entity-encoded ones', () => {
    expect(hostileHtml).toMatch(XML_INVALID); // the fixture really contains them
    expect(out).not.toMatch(XML_INVALID);
    expect(out).toContain('Controlcharshere');
    expect(out).toContain('Entity-encoded controls:  end.');
  });

  it('drops images whose only source was a data: URL', () => {
    expect(out).not.toContain('alt="data"');
  });
});

describe('sanitizeFeedHtml keeps the article vocabulary', () => {
  const out = sanitizeFeedHtml(articleHtml);

  it.each([
    '<figure>', '<picture>', '<figcaption>The die, photographed at the launch event.</figcaption>',
    '<table>', '<caption>Memory bandwidth by generation</caption>', '<thead>', '<tbody>', '<th scope="col">Chip</th>',
    '<td>3.35</td>', '<pre class="language-python"><code class="language-python">', '<blockquote>',
    '<aside class="callout">', '<em>none</em>', 'sizes="100vw"', 'loading="lazy"', 'width="800"',
    'title="Spec sheet"', 'href="mailto:tips@broadsheet.example.com"',
  ])('keeps %s', (fragment) => {
    expect(out).toContain(fragment);
  });

  it('drops ids (they could clash with the reader page)', () => {
    expect(out).toContain('<h2>The numbers</h2>');
  });
});

describe('prepareFeedHtml', () => {
  it('sanitises and absolutises in one pass', () => {
    const out = prepareFeedHtml(articleHtml, '/news/2026/accelerator/', 'https://broadsheet.example.com');
    expect(out).toContain('href="https://broadsheet.example.com/news/2026/earlier-story/"');
    expect(out).toContain('href="https://broadsheet.example.com/news/2026/accelerator/sources/spec-sheet.pdf"');
    expect(out).toContain('href="https://broadsheet.example.com/news/2026/accelerator/#numbers"');
    expect(out).toContain('src="https://broadsheet.example.com/_astro/die.800.jpg"');
    expect(out).toContain(
      'srcset="https://broadsheet.example.com/_astro/die.800.jpg 800w, https://broadsheet.example.com/news/2026/accelerator/images/die.1600.jpg 1600w"',
    );
    expect(out).toContain(
      'srcset="https://broadsheet.example.com/_astro/die.800.avif 800w, https://broadsheet.example.com/_astro/die.1600.avif 1600w"',
    );
    expect(out).toContain('href="https://example.org/paper?a=1&amp;b=2"');
  });

  it('still rejects scripts and script URLs after resolving them', () => {
    const out = prepareFeedHtml(hostileHtml, 'https://broadsheet.example.com/news/x/', 'https://broadsheet.example.com');
    expect(out).not.toMatch(/javascript:|data:|<script|\son\w+=/i);
    expect(out).toContain('<img src="https://broadsheet.example.com/x.png" alt="pic" />');
  });
});
