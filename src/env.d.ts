// Plain `tsc` (npm run check) cannot read .astro files; astro check types them
// fully. This lets tsc accept .ts modules that import components.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
