/**
 * The search index, started while Astro is still writing the rest of the site.
 * Pagefind reads only the article pages, and Astro writes them before the
 * section pages, feeds and cards; from then on Astro's build uses one core and
 * Pagefind can read and parse the pages on the other (`npm run bench`: cold and
 * edit builds, the Pagefind phase). The article route tells the build script how
 * many article pages it will write (announceArticlePages in pagefind-after-build.ts,
 * through the child process's IPC channel); the script watches the folder and starts Pagefind when
 * that many pages are there, each one complete. When Astro has exited, every
 * page is checked again (name, size, modification time): the early index is
 * written only if nothing changed, otherwise the pages are indexed afresh.
 * When the build started with the last build's pages copied in
 * (src/lib/build/output-prefill.ts), they are all there from the start: it then
 * also waits for the article route's last page, which Astro writes in every build.
 *
 * Above EARLY_LIMIT articles Pagefind waits for Astro to exit, as before: at
 * 10,000 articles the two side by side went past 5.8 GiB.
 */
import { closeSync, fstatSync, openSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from './files-under.ts';
import { ARTICLE_DIR, buildIndex, searchDigest, type EarlyIndex } from './pagefind.ts';
import { keepIndex, keptDigest } from './pagefind-cache.ts';
import { isSearchMessage } from './pagefind-after-build.ts';
import { fileStamp } from '../lib/build/output-prefill.ts';

export const EARLY_LIMIT = 3000;
const POLL_MS = 100;

type Stamp = string;

/** A page is complete once its closing tag is written (Astro writes each page once, in one call). */
function complete(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    const tail = Buffer.alloc(Math.min(size, 32));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return /<\/html>\s*$/i.test(tail.toString('latin1'));
  } finally {
    closeSync(fd);
  }
}

/** The article pages Pagefind reads, relative to their folder. */
const articlePages = (dir: string) => filesUnder(dir, { file: (name) => name.endsWith('.html') });

function stamps(siteDir: string): Stamp[] {
  const dir = path.join(siteDir, ARTICLE_DIR);
  return articlePages(dir).map((file) => `${file}\0${fileStamp(path.join(dir, file))}`);
}

const same = (a: Stamp[], b: Stamp[]) => a.length === b.length && a.every((stamp, i) => stamp === b[i]);

/** Watches `siteDir` for the announced article pages and starts Pagefind on them. */
export class EarlySearch {
  readonly siteDir: string;
  readonly limit: number;
  #expected = 0;
  #lastPage: string | undefined;
  #cacheDir: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #checked = new Set<string>();
  #started: { at: number; stamps: Stamp[]; done: Promise<boolean> } | undefined;
  /** The pages' digest when they were complete, and their stamps then. */
  #digested: { stamps: Stamp[]; digest: string } | undefined;

  readonly onStart: () => void;
  /** Pages copied in from the last build before Astro wrote any (src/lib/build/output-prefill.ts), with their stamps. */
  readonly prefilled: () => ReadonlyMap<string, string> | undefined;

  constructor(siteDir: string, limit = EARLY_LIMIT, onStart: () => void = () => {}, prefilled: () => ReadonlyMap<string, string> | undefined = () => undefined) {
    this.siteDir = siteDir;
    this.limit = limit;
    this.onStart = onStart;
    this.prefilled = prefilled;
  }

  /** Feed it the Astro process's messages. */
  onMessage(message: unknown): void {
    if (!isSearchMessage(message)) return;
    if (message.cacheDir) this.#cacheDir = message.cacheDir;
    if (message.articlePages !== undefined) this.#expected = message.articlePages;
    if (message.lastArticlePage !== undefined) this.#lastPage = message.lastArticlePage;
    // Both are needed: the count, and the Pagefind integration's word that search is on.
    if (!this.#cacheDir || this.#started || this.#timer || this.#expected < 1 || this.#expected > this.limit) return;
    this.#timer = setInterval(() => this.#poll(), POLL_MS);
    this.#timer.unref();
  }

  #poll(): void {
    const dir = path.join(this.siteDir, ARTICLE_DIR);
    if (!this.#pastArticleRoute()) return;
    const files = articlePages(dir);
    if (files.length < this.#expected) return;
    // A removed article's page, copied in from the last build, would be indexed too: wait for Astro to exit.
    if (this.prefilled()?.size && files.length > this.#expected) return;
    for (const file of files) {
      if (this.#checked.has(file)) continue;
      if (!complete(path.join(dir, file))) return;
      this.#checked.add(file);
    }
    this.stop();
    const cacheDir = this.#cacheDir;
    const before = stamps(this.siteDir);
    const digest = cacheDir ? searchDigest(this.siteDir) : undefined;
    if (digest) this.#digested = { stamps: before, digest };
    // A rebuild whose article pages are all unchanged reuses the kept bundle: nothing to start.
    if (cacheDir && keptDigest(cacheDir) === digest) return;
    this.onStart();
    const outputPath = path.join(this.siteDir, 'pagefind');
    const done = buildIndex(this.siteDir, outputPath).then(() => {
      // Kept for the next build here, off the critical path, if the pages it read are the ones digested.
      if (!cacheDir || !digest || !same(before, stamps(this.siteDir))) return false;
      keepIndex(cacheDir, digest, outputPath);
      return true;
    });
    done.catch(() => {}); // indexSite indexes again and reports the error
    this.#started = { at: performance.now(), stamps: before, done };
  }

  /**
   * With the last build's pages copied in, every article page is there from the start: Astro is past
   * them once it has written the last one, which is never reused.
   */
  #pastArticleRoute(): boolean {
    const prefilled = this.prefilled();
    if (!prefilled?.size) return true;
    if (!this.#lastPage) return false;
    const stamp = fileStamp(path.join(this.siteDir, this.#lastPage));
    return stamp !== undefined && stamp !== prefilled.get(this.#lastPage);
  }

  /** Stops watching (the build is over, or failed). */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /**
   * The article pages' digest taken beside Astro, if no page changed since: indexSite then
   * need not read them all again to find the kept bundle (60-190 ms at 1,000 articles).
   */
  digest(): string | undefined {
    const digested = this.#digested;
    return digested && same(digested.stamps, stamps(this.siteDir)) ? digested.digest : undefined;
  }

  /** The index started early, for indexSite; undefined if Pagefind was not started. */
  index(): EarlyIndex | undefined {
    this.stop();
    const started = this.#started;
    if (!started) return undefined;
    const asked = performance.now();
    return {
      settle: async () => {
        const kept = await started.done.catch(() => undefined);
        return { usable: kept !== undefined && same(started.stamps, stamps(this.siteDir)), kept: kept === true, aheadMs: asked - started.at };
      },
      discard: async () => {
        await started.done.catch(() => {});
        rmSync(path.join(this.siteDir, 'pagefind'), { recursive: true, force: true });
      },
    };
  }
}
