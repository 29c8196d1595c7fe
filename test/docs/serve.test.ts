/** `elt docs --serve`'s server: the folder's files, read-only, nothing outside it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from '../../src/docs/serve.ts';

let root: string;
let server: SiteServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'elt-serve-'));
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs/index.html'), '<!doctype html><p>site</p>');
  writeFileSync(join(root, 'docs/manifest.json'), '{}');
  writeFileSync(join(root, 'secret.txt'), 'outside the site');
  server = await serveSite(join(root, 'docs'), { port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Raw paths: fetch() would normalize `..` away before sending. */
function get(path: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the docs server', () => {
  it('serves index.html at / and the folder\'s files with their types, on loopback', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(await get('/')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><p>site</p>' });
    expect(await get('/manifest.json')).toMatchObject({ status: 200, type: 'application/json; charset=utf-8', body: '{}' });
    expect(await get('/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('nothing outside the folder, nothing but GET and HEAD', async () => {
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/nope.html')).status).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
  });

  it('a port in use is an error the command words (EADDRINUSE)', async () => {
    await expect(serveSite(join(root, 'docs'), { port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
