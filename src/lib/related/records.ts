/**
 * One conversion from an article (frontmatter + Markdown body) to the engine's
 * record, shared by the site build and the command line so both rank alike.
 */
import { extractBodyText, extractHeadings } from './text.ts';
import type { RelatedRecord } from './types.ts';

export interface ArticleSource {
  id: string;
  body: string;
  data: {
    title: string;
    description: string;
    highlights: string[];
    tags: string[];
    category: string;
    author: string[];
    pubDate: Date;
    draft: boolean;
    related: string[];
  };
}

export function toRelatedRecord({ id, body, data }: ArticleSource, bodyText = extractBodyText(body)): RelatedRecord {
  return {
    id,
    title: data.title,
    description: data.description,
    highlights: data.highlights,
    headings: extractHeadings(body),
    bodyText,
    tags: data.tags,
    category: data.category,
    authors: data.author,
    pubDate: data.pubDate,
    draft: data.draft,
    pinned: data.related,
  };
}
