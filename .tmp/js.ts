import { z } from 'astro/zod';
import { siteConfigSchema } from '../src/lib/config/schema.ts';
import { articleSchema, authorSchema } from '../src/lib/content/schema.ts';
for (const s of [siteConfigSchema, articleSchema]) {
  try { console.log(JSON.stringify(z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }), null, 1).slice(0, 3000)); } catch (e) { console.log('ERR', (e as Error).message); }
}
