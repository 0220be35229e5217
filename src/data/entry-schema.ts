/**
 * Astro calls a collection's `schema` function once per entry, with an
 * `image()` bound to that entry's file. Building the frontmatter schema anew
 * for each entry, and zod compiling every new instance on its first parse,
 * took about 1.2 s of a cold 1,000-article build (CPU profile of the content
 * sync). Here the schema is built once per collection; only its image field
 * asks the current entry's own `image()`, which each call rebinds.
 *
 * That is safe because Astro parses an entry right after calling the function
 * (content/utils.js getEntryData: no await between the two), and the image
 * field is read synchronously within that parse, before any other entry's call.
 */
import { z } from 'astro/zod';
import type { ImageFunction, SchemaContext } from 'astro:content';

type ImageSchema = ReturnType<ImageFunction>;

export function schemaOncePerCollection<Schema>(make: (image: ImageSchema) => Schema): (context: SchemaContext) => Schema {
  let entryImage: ImageFunction | undefined;
  const image = z.unknown().transform((value, ctx) => {
    if (!entryImage) throw new Error('the image field was parsed outside a schema call');
    const result = entryImage().safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
    return z.NEVER;
  }) as unknown as ImageSchema;
  const schema = make(image);
  return ({ image: imageOfEntry }) => {
    entryImage = imageOfEntry;
    return schema;
  };
}
