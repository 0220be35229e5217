/** Feed item HTML prepared on a worker thread must be prepareFeedHtml's, byte for byte, with or without the worker. */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { workerPreparer } from '../../../src/data/feed-prep.ts';
import { feedItemCache, prepareFeedHtml, toFeedItem } from '../../../src/lib/feed/index.ts';
import { htmlPolicy } from '../../../src/lib/html/policy.ts';
import { articleHtml, hostileArticle, hostileHtml, mainArticle, site } from '../../fixtures/feed/records.ts';

const WORKER = path.resolve('src/lib/feed/prepare-worker.ts');
const policy = htmlPolicy({ allow: { iframe: ['src', 'title'] }, frameHosts: ['www.youtube-nocookie.com'] });
// Real article bodies (the sample site's built pages are not at hand in a unit test: the fixtures' HTML and hostile cases).
const bodies = [articleHtml, hostileHtml, '<p><a href="javascript:alert(1)">x</a><img src="data:image/png;base64,AAAA" alt=""><iframe src="https://www.youtube-nocookie.com/embed/x" title="v"></iframe></p>', '<p>relative <a href="/articles/a/">link</a> and <img src="../hero.jpg" alt="h"></p>', ''];

describe('workerPreparer', () => {
  it('prepares exactly what prepareFeedHtml does, on the worker', async () => {
    const prepare = workerPreparer(policy, WORKER);
    const url = 'https://broadsheet.example.com/articles/a/';
    const results = await Promise.all(bodies.map((html) => prepare(html, url, site.url)));
    expect(results).toEqual(bodies.map((html) => prepareFeedHtml(html, url, site.url, policy)));
    expect(prepare.counts()).toEqual({ worker: bodies.length, here: 0, started: 1 });
    // Not trivially equal: the hostile body lost its script, the link its javascript: URL.
    expect(results[1]).not.toContain('<script');
    expect(results[2]).not.toContain('javascript:');
  });

  it('ends an idle worker and starts a new one for a later item', async () => {
    const prepare = workerPreparer(policy, WORKER);
    await prepare(articleHtml, '/a/', site.url);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await prepare(hostileHtml, '/b/', site.url)).toBe(prepareFeedHtml(hostileHtml, '/b/', site.url, policy));
    expect(prepare.counts()).toEqual({ worker: 2, here: 0, started: 2 });
  });

  it('prepares on this thread when the worker file is missing', async () => {
    const prepare = workerPreparer(policy, path.resolve('src/lib/feed/no-such-worker.ts'));
    expect(await prepare(hostileHtml, '/articles/h/', site.url)).toBe(prepareFeedHtml(hostileHtml, '/articles/h/', site.url, policy));
    expect(prepare.counts()).toMatchObject({ worker: 0, here: 1 });
  });

  it('rejects with the error preparing inline throws, when the worker could not prepare an item', async () => {
    const prepare = workerPreparer(policy, WORKER);
    const inline = (() => {
      try {
        prepareFeedHtml('<p>x</p>', '/a/', 'not a url', policy);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(inline).toBeTruthy();
    await expect(prepare('<p>x</p>', '/a/', 'not a url')).rejects.toThrow(inline!);
    expect(prepare.counts()).toMatchObject({ worker: 0, here: 1 });
  });

  it('gives feedItemCache the same items, started ahead on the worker, as preparing inline', async () => {
    const withWorker = feedItemCache<{ id: string }>(site, async ({ id }) => (id === 'main' ? mainArticle : hostileArticle), workerPreparer(site.html, WORKER));
    const prepare = workerPreparer(site.html, WORKER);
    const ahead = feedItemCache<{ id: string }>(site, async ({ id }) => (id === 'main' ? mainArticle : hostileArticle), prepare);
    const items = await Promise.all([ahead.start({ id: 'main' }), ahead.start({ id: 'hostile' })]);
    expect(items).toEqual([toFeedItem(mainArticle, site), toFeedItem(hostileArticle, site)]);
    // Started ahead: on the worker; asked for by a feed: here. The feed then finds the item made ahead.
    expect(await withWorker({ id: 'main' })).toEqual(items[0]);
    expect(await ahead({ id: 'main' })).toBe(items[0]);
    expect(prepare.counts()).toMatchObject({ worker: 2, here: 0 });
  });

  it('tells which ids an announced feed still lists', () => {
    const cache = feedItemCache<{ id: string }>(site, async () => mainArticle);
    cache.expect(['a', 'b']);
    cache.done(['a']);
    expect([cache.expected('a'), cache.expected('b'), cache.expected('c')]).toEqual([false, true, false]);
  });
});
