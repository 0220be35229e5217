import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../support/build.ts';

const USAGE = 'usage: npm run related -- [--content DIR] [--k N] [--newer include|exclude] [--json] [--explain SLUG]';

function related(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/related.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BROADSHEET_NOW: '2026-11-30T00:00:00Z' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run related: errors', () => {
  it('--explain on a draft says it is a draft and has no related picks', () => {
    const result = related('--content', 'tests/fixtures/site/content', '--explain', 'draft-article');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('"draft-article" is a draft: drafts are not published, so it has no related picks\n');
  });

  it('--explain on a scheduled article says it is scheduled and has no related picks', () => {
    const result = related('--content', 'tests/fixtures/site/content', '--explain', 'scheduled-article');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('"scheduled-article" is a scheduled article (pubDate 2099-01-01, after the build clock): it is not published yet, so it has no related picks\n');
  });

  it('--explain on a slug that does not exist still says so', () => {
    expect(related('--content', 'tests/fixtures/site/content', '--explain', 'nope').stderr).toBe('no article "nope" in tests/fixtures/site/content\n');
  });

  it('an unknown flag prints a one-line usage error, no stack trace', () => {
    const result = related('--content', 'tests/fixtures/site/content', '--bogus');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`related: Unknown option '--bogus' (${USAGE})\n`);
  });

  it('a missing option value or a stray argument gets the same one-line error', () => {
    for (const [args, what] of [
      [['--explain'], "Option '--explain <value>' argument missing"],
      [['extra'], "Unexpected argument 'extra'"],
    ] as const) {
      const result = related(...args);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`related: ${what} (${USAGE})\n`);
    }
  });

  it('--explain on an article that shares nothing meaningful with an older one says its cards are fallbacks', () => {
    const result = related('--content', 'tests/fixtures/site/content', '--explain', 'plain-markdown');
    expect(result.status).toBe(0);
    const reasons = result.stdout.split('\n').filter((l) => l.startsWith('   - '));
    expect(reasons).toHaveLength(3);
    for (const r of reasons) expect(r).toMatch(/^ {3}- fallback-(recent|category) \+0\.0000 {2}fallback: no older article shares meaningful text or tags with this one; /);
    // with newer articles allowed, its topical neighbour (shared tag and words) is related again
    const include = related('--content', 'tests/fixtures/site/content', '--newer', 'include', '--explain', 'plain-markdown').stdout.split('\n');
    expect(include[2]).toMatch(/^1\. full-feature {2}score \d\.\d{4}$/);
    expect(include[3]).toMatch(/^ {3}- text \+0\.\d{4} {2}text similarity/);
  });

  it('--newer rejects anything but include or exclude', () => {
    const result = related('--content', 'tests/fixtures/site/content', '--newer', 'later');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('--newer must be "include" or "exclude", found "later"\n');
  });

  it('--help prints the usage and exits 0', () => {
    const result = related('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${USAGE}\n`);
  });
});
