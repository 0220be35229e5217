/** Collections: Astro's glob loader plus the schemas from src/lib/content. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { makeArticleSchema, makeAuthorSchema, slugFromEntryPath } from './lib/content/index.ts';
import { contentDir } from './integrations/content-dir.ts';

const base = (folder: string) => pathToFileURL(path.join(contentDir(), folder) + path.sep);

const articles = defineCollection({
  loader: glob({ pattern: ['*.{md,mdx}', '*/index.{md,mdx}'], base: base('articles'), generateId: ({ entry }) => slugFromEntryPath(entry) }),
  schema: ({ image }) => makeArticleSchema(image()),
});

const authors = defineCollection({
  loader: glob({ pattern: '*.md', base: base('authors'), generateId: ({ entry }) => entry.replace(/\.md$/i, '') }),
  schema: ({ image }) => makeAuthorSchema(image()),
});

export const collections = { articles, authors };
