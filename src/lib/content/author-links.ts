/** An author's profile links, in a fixed order with readable labels. */

const LABELS = { website: 'Website', x: 'X', github: 'GitHub', linkedin: 'LinkedIn', mastodon: 'Mastodon', email: 'Email' } as const;
type LinkKey = keyof typeof LABELS;

export interface AuthorLink {
  key: LinkKey;
  label: string;
  href: string;
}

export function authorLinks(links: Partial<Record<LinkKey, string | undefined>>): AuthorLink[] {
  return (Object.keys(LABELS) as LinkKey[]).flatMap((key) => {
    const value = links[key];
    if (!value) return [];
    return [{ key, label: LABELS[key], href: key === 'email' ? `mailto:${value}` : value }];
  });
}
