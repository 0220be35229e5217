// Plain `tsc` (npm run check) cannot read .astro files; astro check types them
// fully. This lets tsc accept .ts modules that import components.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}

// Set by the broadsheet integration's Vite `define` (src/integrations/broadsheet.ts). Read them with a dot
// (import.meta.env.BROADSHEET_ROOT): for a module that reads import.meta.env any other way, Astro inlines
// every environment variable whose name occurs in the module's source (`_`, the shell's last command, always
// does), so its code, and every page's incremental-build hash with it, changed with how the build was run.
interface ImportMetaEnv {
  readonly BROADSHEET_CACHE_DIR?: string;
  readonly BROADSHEET_ROOT?: string;
  readonly BROADSHEET_SHOW_UNPUBLISHED?: boolean;
}
