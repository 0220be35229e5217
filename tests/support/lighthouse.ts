/**
 * Lighthouse (pinned in package.json; 13.x runs on the project's Node 24)
 * against Debian's Chromium, never a downloaded browser. The browser is started
 * here with a DevTools port, Lighthouse drives it with its default (mobile)
 * preset, and the three categories the project holds at 100 are reported with
 * every audit that lost points.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM } from '../e2e/browser.ts';

export const CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseResult {
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Scored audits below 1 in those categories, as "id: title". */
  failures: string[];
}

export interface Browser { port: number; close(): void }

/** Starts Chromium with a DevTools port (read from its own startup line). */
export async function startChromium(): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'broadsheet-lh-'));
  const child: ChildProcess = spawn(CHROMIUM, [
    '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--no-sandbox', '--disable-gpu',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${log}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
      if (match) { clearTimeout(timer); resolve(Number(match[1])); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}):\n${log}`)); });
  });
  return {
    port,
    close() {
      child.kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One Lighthouse run (mobile preset), accessibility, best practices and SEO only. */
export async function audit(url: string, browser: Browser, skipAudits: string[] = []): Promise<LighthouseResult> {
  const result = await lighthouse(url, { port: browser.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES], skipAudits });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as LighthouseResult['scores'];
  const failures = CATEGORIES.flatMap((c) => (lhr.categories[c]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => `${c}/${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`));
  return { url, scores, failures };
}
