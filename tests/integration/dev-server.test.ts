/**
 * `astro dev` over broken content: it starts, serves the usable articles,
 * and answers a broken article's URL with its report (the build still fails:
 * see content-pipeline.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

let dev: DevServer | undefined;
let base = '';

beforeAll(async () => {
  dev = await startDevServer('tests/fixtures/broken-cases/content');
  base = dev.base;
}, 150_000);

afterAll(() => {
  dev?.process.kill();
});

describe('astro dev with broken articles', () => {
  it('starts and prints the report in the terminal', () => {
    expect(dev!.log()).toContain('Broadsheet found 26 content problems in 24 files:');
    expect(dev!.log()).toContain('(astro dev serves the other articles; the build stops until these are fixed)');
  });

  it('serves a valid article, with control characters stripped from its MDX body', async () => {
    const response = await fetch(`${base}/articles/valid-merge-and-control/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('A bell character  is in this line.');
    expect(html).not.toContain('\u0007');
  }, 120_000);

  it("serves a valid article's social card from the og route (a build copies the cards instead)", async () => {
    const response = await fetch(`${base}/og/valid-merge-and-control.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.readUInt32BE(16)).toBe(1200);
  }, 120_000);

  it("answers a broken article's URL with its report", async () => {
    const response = await fetch(`${base}/articles/feb-30/`);
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('<h1>This article has problems</h1>');
    expect(html).toContain(
      '  tests/fixtures/broken-cases/content/articles/feb-30.md\n' +
        '    - 4:1 pubDate: expected the publication date as a date and time that exist (month 01–12, a day in that month, time 00:00–23:59:59), found &quot;2026-02-30T10:00:00Z&quot;',
    );
  }, 60_000);
});
