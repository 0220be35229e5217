/** Slug rules shared by tags, URLs and file names. */

/** Lower-case, ASCII-folded, hyphen-separated slug ("Open Weights" -> "open-weights"). */
export function slugify(input: string): string {
  return input
    // Symbols that carry meaning in tech names: "C++" and "C" must not collide.
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/&/g, ' and ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Tags are normalised to slugs and de-duplicated, keeping first-seen order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const slug = slugify(tag);
    if (slug) seen.add(slug);
  }
  return [...seen];
}

/** The slug is the file name, or the folder name for `<slug>/index.md(x)`. */
export function slugFromEntryPath(entryPath: string): string {
  const parts = entryPath.replace(/\\/g, '/').split('/');
  const file = parts.pop() ?? '';
  const stem = file.replace(/\.(mdx|md)$/i, '');
  return stem === 'index' && parts.length > 0 ? (parts.pop() ?? stem) : stem;
}

/** Levenshtein distance, used to suggest the closest known key or id. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...candidates].sort()) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Slugs, tags and author ids become URL segments and file names (a file name has 255 bytes at most). */
export const MAX_SLUG_LENGTH = 80;
export const MAX_TAG_LENGTH = 60;

/** A URL-safe slug as Broadsheet writes them: lower-case letters, digits and single hyphens. */
export const isSlug = (value: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
