import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

const xsl = readFileSync(new URL('../../../public/rss.xsl', import.meta.url), 'utf8');

describe('public/rss.xsl', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xsl)).toBe(true);
  });

  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xsl);
  const sheet = doc['xsl:stylesheet'];
  const templates = [sheet['xsl:template']].flat();

  it('is an XSLT 1.0 stylesheet (the version browsers run)', () => {
    expect(sheet['@_version']).toBe('1.0');
    expect(sheet['@_xmlns:xsl']).toBe('http://www.w3.org/1999/XSL/Transform');
    expect(sheet['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(sheet['xsl:output']['@_method']).toBe('html');
  });

  it('renders the document root and reads what the feed emits', () => {
    expect(templates.some((t) => t['@_match'] === '/')).toBe(true);
    for (const path of ['/rss/channel', "atom:link[@rel='self']/@href", '$channel/item', '$channel/title',
      '$channel/description', 'pubDate', 'dc:creator']) {
      expect(xsl).toContain(path);
    }
  });

  it('explains feeds and styles itself for light and dark without external resources', () => {
    expect(xsl).toContain('copy this address into your feed reader');
    expect(xsl).toContain('prefers-color-scheme: dark');
    expect(xsl).not.toMatch(/<link\b|<script\b|<img\b|\bsrc=|@import|url\(/i);
  });

  it('never disables output escaping (feed text must stay text)', () => {
    expect(xsl).not.toContain('disable-output-escaping');
  });
});
