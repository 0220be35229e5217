import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { makeArticleSchema } from '../../../src/lib/content/index.ts';
import { schemaOncePerCollection } from '../../../src/data/entry-schema.ts';

const article = (heroImage?: string) => ({ title: 'A headline', description: 'A dek.', pubDate: '2026-04-24', author: 'maya-chen', category: 'models', ...(heroImage ? { heroImage, heroAlt: 'A chip' } : {}) });

// Like Astro's content-layer image(): bound to one entry's folder.
const imageIn = (folder: string) => (() => z.string().transform((path) => `${folder}/${path}`)) as unknown as SchemaContext['image'];

describe('schemaOncePerCollection', () => {
  const schemaFor = schemaOncePerCollection((image) => makeArticleSchema(image));

  it('builds the schema once and gives every entry its own image()', async () => {
    const first = schemaFor({ image: imageIn('a') });
    const a = await first.safeParseAsync(article('hero.jpg'));
    const second = schemaFor({ image: imageIn('b') });
    const b = await second.safeParseAsync(article('hero.jpg'));
    expect(second).toBe(first);
    expect(a.data?.heroImage).toBe('a/hero.jpg');
    expect(b.data?.heroImage).toBe('b/hero.jpg');
  });

  it('parses like a schema made for the entry, with and without a hero', async () => {
    for (const data of [article(), article('./hero.jpg'), { ...article(), tags: ['MoE', ' moe '] }]) {
      const once = await schemaFor({ image: imageIn('x') }).safeParseAsync(data);
      const fresh = await makeArticleSchema(imageIn('x')()).safeParseAsync(data);
      expect(once).toEqual(fresh);
    }
  });

  it("reports the image's own error on the hero field", async () => {
    const result = await schemaFor({ image: imageIn('x') }).safeParseAsync(article(42 as unknown as string));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('heroImage');
  });
});
