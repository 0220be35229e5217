// `npm run build`: the Astro build, with content errors shown as a plain list
// (no stack trace) and the known upstream MDX warning filtered out.
import { build } from 'astro';
import { filterKnownNoise } from './lib/quiet-log.mjs';

filterKnownNoise();
try {
  await build({});
} catch (error) {
  // A content or config problem is the author's to fix: show the report alone.
  if (error && (error.name === 'ContentError' || /^Broadsheet/.test(error.message ?? ''))) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
