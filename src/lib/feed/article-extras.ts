/**
 * What an article page shows around its body that a full-content feed must
 * carry too: the Key highlights before the body, the hero's caption and credit,
 * and the Sources list (the attribution) after it. Plain HTML, every author
 * string escaped; the result still goes through prepareFeedHtml like the body.
 */
import { escapeHtmlText } from './xml-text.ts';

export interface ArticleExtras {
  highlights: readonly string[];
  sources: readonly { title: string; url: string; publisher?: string | undefined }[];
  /** The hero as the feed shows it (site-relative or absolute URL), with its caption and credit. */
  hero?: { url: string; alt: string; caption?: string | undefined; credit?: string | undefined } | undefined;
}

const esc = escapeHtmlText;
const attr = (text: string) => esc(text).replace(/"/g, '&quot;');

/** The highlights list and, when the hero has a caption or credit, the captioned hero. */
export function feedLeadHtml({ highlights, hero }: ArticleExtras): string {
  const parts: string[] = [];
  if (hero && (hero.caption || hero.credit)) {
    const caption = [hero.caption && esc(hero.caption), hero.credit && `<small>${esc(hero.credit)}</small>`].filter(Boolean).join(' ');
    parts.push(`<figure><img src="${attr(hero.url)}" alt="${attr(hero.alt)}"><figcaption>${caption}</figcaption></figure>`);
  }
  if (highlights.length > 0) {
    parts.push(`<aside><p><strong>Key highlights</strong></p><ul>${highlights.map((h) => `<li>${esc(h)}</li>`).join('')}</ul></aside>`);
  }
  return parts.join('\n');
}

/** The numbered Sources list, with publisher and link, as on the article page. */
export function feedSourcesHtml({ sources }: ArticleExtras): string {
  if (sources.length === 0) return '';
  const items = sources.map((s) => `<li>${s.publisher ? `${esc(s.publisher)}: ` : ''}<a href="${attr(s.url)}">${esc(s.title)}</a></li>`);
  return `<h2>Sources</h2>\n<ol>${items.join('')}</ol>`;
}

/** Highlights and captioned hero, then the body, then Sources. */
export function withArticleExtras(bodyHtml: string, extras: ArticleExtras): string {
  return [feedLeadHtml(extras), bodyHtml, feedSourcesHtml(extras)].filter(Boolean).join('\n');
}
