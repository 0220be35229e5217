/** Advice for authors: worth fixing, but never a reason to stop a build. */
import type { ContentProblem } from './problems.ts';
import type { ArticleData } from './schema.ts';

/** Search engines cut descriptions at about 160 characters. */
export const DESCRIPTION_ADVISED_LENGTH = 160;

export function contentWarnings(articles: readonly { file: string; data: ArticleData }[]): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  for (const { file, data } of articles) {
    if (data.description.length > DESCRIPTION_ADVISED_LENGTH) {
      warnings.push({ file, field: 'description', expected: `at most ${DESCRIPTION_ADVISED_LENGTH} characters (search results cut the rest)`, found: `${data.description.length} characters` });
    }
    if (!data.tags.length) warnings.push({ file, field: 'tags', expected: 'at least one tag (tags drive related articles and tag pages)', found: 'none' });
    if (!data.heroImage) warnings.push({ file, field: 'heroImage', expected: 'a hero image (cards and the social card look bare without one)', found: 'none' });
  }
  return warnings;
}
