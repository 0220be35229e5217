/**
 * The Astro process's side of the output prefill (src/lib/build/output-prefill.ts):
 * under `npm run build`, it tells the build script where Astro's cache is once the
 * config is done, and waits at build:start until the script has copied the last
 * output's reusable pages into the new output folder, so the two never write the
 * same file. Astro must then not empty that folder before bundling.
 * In a plain `astro build` (no build script) all of this does nothing.
 */
export interface PrefillRequest { type: 'broadsheet:prefill'; cacheDir: string }
export const PREFILLED = 'broadsheet:prefilled';

export const isPrefillRequest = (m: unknown): m is PrefillRequest =>
  typeof m === 'object' && m !== null && (m as PrefillRequest).type === 'broadsheet:prefill' && typeof (m as PrefillRequest).cacheDir === 'string';

/** Set by scripts/build.mjs, which writes each build into a fresh folder and talks over IPC. */
export const underBuildScript = (env: NodeJS.ProcessEnv = process.env) => Boolean(env['BROADSHEET_OUT_DIR']) && typeof process.send === 'function';

let answered: Promise<void> | undefined;

/** Asks the build script to prefill the output from the last build (astro:config:done). */
export function requestPrefill(cacheDir: string): void {
  if (!underBuildScript() || answered) return;
  answered = new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if ((message as { type?: string } | null)?.type !== PREFILLED) return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
  });
  process.send!({ type: 'broadsheet:prefill', cacheDir } satisfies PrefillRequest);
}

/** Settles once the build script has answered (astro:build:start); at once when nothing was asked. */
export const prefillDone = (): Promise<void> => answered ?? Promise.resolve();
