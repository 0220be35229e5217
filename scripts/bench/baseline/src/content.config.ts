import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import path from 'node:path';

const articles = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: path.join(process.env.CONTENT_DIR ?? 'content', 'articles') }),
  schema: z.object({ title: z.string(), description: z.string(), pubDate: z.coerce.date() }),
});

export const collections = { articles };
