/** Collections: Broadsheet's one content reader as the loader, plus the schemas from src/lib/content. */
import { defineCollection } from 'astro:content';
import { makeArticleSchema, makeAuthorSchema } from './lib/content/index.ts';
import { contentLoader } from './data/content-loader.ts';
import { schemaOncePerCollection } from './data/entry-schema.ts';
import site from './site.config.ts';

const articles = defineCollection({
  loader: contentLoader('articles'),
  schema: schemaOncePerCollection((image) => makeArticleSchema(image, { timeZone: site.timeZone })),
});

const authors = defineCollection({
  loader: contentLoader('authors'),
  schema: schemaOncePerCollection((image) => makeAuthorSchema(image)),
});

export const collections = { articles, authors };
