/** `connect()`: its options checked in one line (never a secret's value), the transport chosen as elt chooses, the login refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, ConnectionOptionsError } from '../../src/odoo/connect.ts';
import { OdooLoginError } from '../../src/odoo/errors.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';

let v17: Simulator;
let v19: Simulator;

beforeAll(async () => {
  v17 = await startSimulator({ now: SIM_NOW, scale: 0.05, seed: 3, version: 17 });
  v19 = await startSimulator({ now: SIM_NOW, scale: 0.05, seed: 3, version: 19, users: [{ login: 'admin', password: 'admin', apiKey: 'k3y-0f-the-admin-user' }] });
});
afterAll(async () => {
  await v17?.close();
  await v19?.close();
});

describe('connect', () => {
  it('logs in over JSON-RPC on Odoo 17 and JSON-2 on Odoo 19 with an API key, when left to choose', async () => {
    const odoo17 = await connect({ url: v17.url, db: v17.db, login: 'admin', password: 'admin' });
    expect([odoo17.transportName, odoo17.uid]).toEqual(['jsonrpc', 2]);
    expect(await odoo17.searchCount('pos.order', [])).toBe(v17.store.search('pos.order', []).length);
    const odoo19 = await connect({ url: `${v19.url}/`, db: v19.db, login: 'admin', apiKey: 'k3y-0f-the-admin-user' });
    expect(odoo19.transportName).toBe('json2');
    const lines: string[] = [];
    const logger = { info: (_: object, msg: string) => void lines.push(msg), warn: (_: object, msg: string) => void lines.push(msg) };
    const xml = await connect({ url: v19.url, db: v19.db, login: 'admin', password: 'admin', transport: 'xmlrpc', logger });
    expect(xml.transportName).toBe('xmlrpc');
    expect(lines).toEqual(["Odoo transport xmlrpc (set by connect()'s transport option)"]);
  });

  it('names every bad option in one line, without the password', async () => {
    const attempt = connect({ url: 'ftp://odoo', db: ' ', login: 'admin', password: 'hunter2-secret', timeoutSeconds: -1, retries: 1.5 });
    await expect(attempt).rejects.toThrow(ConnectionOptionsError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toBe(
      'connect(): url must be an http(s) URL such as https://odoo.example.com; db must be the database name; timeoutSeconds must be a positive number of seconds; retries must be a whole number',
    );
    expect(message).not.toContain('hunter2');
  });

  it('asks for a password or an API key', async () => {
    await expect(connect({ url: v17.url, db: v17.db, login: 'admin' })).rejects.toThrow('connect(): password or apiKey is required');
  });

  it('throws OdooLoginError when Odoo refuses the login', async () => {
    const refused = connect({ url: v17.url, db: v17.db, login: 'admin', password: 'wrong', retries: 0 });
    await expect(refused).rejects.toThrow(OdooLoginError);
    await expect(refused).rejects.toThrow(`Odoo rejected the login for user admin on database ${v17.db}`);
  });

  it('stops for good when its signal aborts: the call in flight and every later one reject with the reason, and none is retried', async () => {
    const controller = new AbortController();
    const reason = new Error('job cancelled');
    const odoo = await connect({ url: v17.url, db: v17.db, login: 'admin', password: 'admin', transport: 'xmlrpc', signal: controller.signal });
    // The server sits on the call for ten minutes: only the abort can end it within the test's time.
    v17.injectFault({ kind: 'stall', ms: 600_000, model: 'res.partner', method: 'search_count' });
    const call = odoo.searchCount('res.partner', []);
    while (!v17.injected.some((f) => f.call === 'res.partner.search_count')) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    const received = v17.calls.length;
    await expect(odoo.searchCount('res.partner', [])).rejects.toBe(reason);
    expect(v17.calls.length).toBe(received);
    await expect(connect({ url: v17.url, db: v17.db, login: 'admin', password: 'admin', signal: controller.signal })).rejects.toBe(reason);
    const refused = await connect({ url: v17.url, db: v17.db, login: 'admin', password: 'admin', signal: 'soon' as unknown as AbortSignal }).catch((error: Error) => error.message);
    expect(refused).toBe('connect(): signal must be an AbortSignal');
    // Three logins and a poll: more than the unit default on a busy machine; a broken abort waits ten minutes.
  }, 30_000);
});
