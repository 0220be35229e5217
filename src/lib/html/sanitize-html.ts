/** The allow-list (policy.ts) as sanitize-html options: feeds and raw HTML in .md bodies use it. */
import sanitizeHtml from 'sanitize-html';
import { DROP_WITH_CONTENT, srcsetUrls, urlAllowed, type HtmlPolicy } from './policy.ts';

export interface SanitizeExtras {
  /** Runs on every element before the URL checks (feeds absolutise URLs here). */
  transform?: sanitizeHtml.Transformer;
  /** Hosts that count as the site itself for images (feeds: the site's own host). */
  ownHosts?: readonly string[];
}

/** Drops URL attributes the policy refuses; an <img> without alt gets an empty one (valid HTML). */
function urlTransform(policy: HtmlPolicy, extras: SanitizeExtras): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const step = extras.transform ? extras.transform(tagName, attribs) : { tagName, attribs };
    const tag = step.tagName;
    const out: sanitizeHtml.Attributes = { ...step.attribs };
    for (const name of ['href', 'src', 'cite'] as const) {
      const value = out[name];
      if (value !== undefined && !urlAllowed(policy, tag, value, extras.ownHosts)) delete out[name];
    }
    const srcset = out['srcset'];
    if (srcset !== undefined && !srcsetUrls(srcset).every((u) => urlAllowed(policy, tag, u, extras.ownHosts))) delete out['srcset'];
    if (tag === 'img' && out['alt'] === undefined) out['alt'] = '';
    return { tagName: tag, attribs: out };
  };
}

export function sanitizeOptions(policy: HtmlPolicy, extras: SanitizeExtras = {}): sanitizeHtml.IOptions {
  return {
    allowedTags: [...policy.tags],
    allowedAttributes: Object.fromEntries(Object.entries(policy.attributes).map(([k, v]) => [k, [...v]])),
    // Code blocks keep only their language class (what readers may highlight by).
    allowedClasses: { pre: ['language-*', 'lang-*'], code: ['language-*', 'lang-*'] },
    // Schemes are checked by urlAllowed; this is a second net with the same answer.
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: true,
    allowedIframeHostnames: [...policy.frameHosts],
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
    nonTextTags: [...DROP_WITH_CONTENT].filter((t) => !policy.tags.has(t)),
    transformTags: { '*': urlTransform(policy, extras) },
    // An image or frame whose every source was refused is an empty box: drop it.
    exclusiveFilter: (frame) =>
      ((frame.tag === 'img' || frame.tag === 'source') && !frame.attribs['src'] && !frame.attribs['srcset']) ||
      (frame.tag === 'iframe' && !frame.attribs['src']),
  };
}

/** Author HTML reduced to the policy. */
export function sanitizeAuthorHtml(html: string, policy: HtmlPolicy, extras: SanitizeExtras = {}): string {
  return sanitizeHtml(html, sanitizeOptions(policy, extras));
}
