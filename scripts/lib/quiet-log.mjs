// Every .mdx file makes the bundler print a MODULE_LEVEL_DIRECTIVE warning
// (upstream withastro/astro#18087). It is harmless and drowns the useful
// lines, so those lines (and only those) are dropped from the build log.
const NOISE = /MODULE_LEVEL_DIRECTIVE|Module level directives cause errors when bundled/;

export function filterKnownNoise(streams = [process.stdout, process.stderr]) {
  for (const stream of streams) {
    const write = stream.write.bind(stream);
    stream.write = (chunk, ...rest) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (NOISE.test(text)) {
        const kept = text.split('\n').filter((line) => !NOISE.test(line)).join('\n');
        if (!kept.trim()) return true;
        return write(kept, ...rest);
      }
      return write(chunk, ...rest);
    };
  }
}
