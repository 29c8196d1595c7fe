/**
 * Which failures the client retries, per transport, against the simulator's
 * injected faults: every transport-level fault (proxy statuses, resets before
 * and during the answer, bodies cut short, stalls past the timeout) is
 * transient and retried; Odoo's own faults are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OdooClient } from '../../src/odoo/client.ts';
import { createNamedTransport } from '../../src/odoo/choose-transport.ts';
import { OdooAccessError, OdooServerError, OdooTransientError, OdooUserError } from '../../src/odoo/errors.ts';
import type { Credentials, TransportName } from '../../src/odoo/transport.ts';
import { startSimulator, type Simulator, type TransportFault } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { failure } from './failure.ts';

const KEY = 'api-key-0123456789';
const TIMEOUT_MS = 400;
const TRANSPORTS: readonly TransportName[] = ['xmlrpc', 'jsonrpc', 'json2'];
const PATHS: Record<TransportName, string> = { xmlrpc: '/xmlrpc/2/object', jsonrpc: '/jsonrpc', json2: '/json/2/res.partner/search_read' };

let sim: Simulator;
let creds: Credentials;

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, version: 19, scale: 0, users: [{ login: 'admin', password: 'admin', apiKey: KEY }] });
  for (let i = 1; i <= 40; i += 1) sim.create('res.partner', { name: `Partner ${i}`, comment: 'x'.repeat(200) });
  creds = { url: sim.url, db: sim.db, login: 'admin', secret: KEY };
});
afterAll(async () => {
  await sim?.close();
});

function transport(name: TransportName) {
  return createNamedTransport(name, sim.url, TIMEOUT_MS);
}

function searchRead(name: TransportName): Promise<unknown> {
  return transport(name).executeKw(creds, 2, 'res.partner', 'search_read', [[]], { fields: ['name', 'comment'], order: 'id' });
}

/** Each transport-level fault and the message it must give (`PATH` and `HOST` filled in per transport). */
const TRANSPORT_FAULTS: Array<{ fault: TransportFault; message: RegExp | string }> = [
  { fault: { kind: 'http', status: 500 }, message: 'Odoo answered HTTP 500 Internal Server Error on PATH' },
  { fault: { kind: 'http', status: 502 }, message: 'Odoo answered HTTP 502 Bad Gateway on PATH' },
  { fault: { kind: 'http', status: 503 }, message: 'Odoo answered HTTP 503 Service Unavailable on PATH' },
  { fault: { kind: 'http', status: 429, retryAfter: 0 }, message: 'Odoo answered HTTP 429 Too Many Requests on PATH (Retry-After: 0 s)' },
  { fault: { kind: 'reset' }, message: /^lost the connection to Odoo on PATH of HOST \((ECONNRESET: read ECONNRESET|UND_ERR_SOCKET: other side closed)\)$/ },
  { fault: { kind: 'cut' }, message: /^lost the connection to Odoo on PATH of HOST \((ECONNRESET: read ECONNRESET|UND_ERR_SOCKET: other side closed)\)$/ },
  { fault: { kind: 'truncate' }, message: /^lost the connection to Odoo on PATH of HOST \(UND_ERR_SOCKET: other side closed\)$/ },
  { fault: { kind: 'stall', ms: TIMEOUT_MS + 600 }, message: `Odoo did not answer within ${TIMEOUT_MS} ms on PATH of HOST` },
];

function expected(message: RegExp | string, path: string): RegExp | string {
  const host = new URL(sim.url).host;
  if (typeof message === 'string') return message.replace('PATH', path).replace('HOST', host);
  return new RegExp(message.source.replace('PATH', path.replace(/[./]/g, '\\$&')).replace('HOST', host.replace(/\./g, '\\.')));
}

describe.each(TRANSPORTS)('%s: transport faults are transient', (name) => {
  it.each(TRANSPORT_FAULTS.map((t) => ({ ...t, label: t.fault.kind === 'http' ? `http ${t.fault.status}` : t.fault.kind })))(
    '$label on search_read: a retryable error with a clear message',
    async ({ fault, message }) => {
      sim.injectFault({ ...fault, model: 'res.partner', method: 'search_read' });
      const error = await failure(searchRead(name));
      expect(error).toBeInstanceOf(OdooTransientError);
      expect(error.retryable).toBe(true);
      if (typeof message === 'string') expect(error.message).toBe(expected(message, PATHS[name]));
      else expect(error.message).toMatch(expected(message, PATHS[name]));
      // The next call is served: the fault was one call's, not the connection pool's.
      expect(await searchRead(name)).toHaveLength(40);
    },
  );

  it('the client retries every kind in a row and lands the same records', async () => {
    const client = await OdooClient.connect({
      transport: transport(name),
      credentials: creds,
      retry: { retries: TRANSPORT_FAULTS.length, minTimeoutMs: 1, maxTimeoutMs: 5 },
    });
    const before = sim.injected.length;
    for (const { fault } of TRANSPORT_FAULTS) sim.injectFault({ ...fault, model: 'res.partner', method: 'search_read' });
    const records = await client.searchRead('res.partner', [], { fields: ['name', 'comment'], order: 'id' });
    expect(records.map((r) => r.name)).toEqual(Array.from({ length: 40 }, (_, i) => `Partner ${i + 1}`));
    expect(sim.injected.slice(before).map((f) => f.fault)).toEqual(['http 500', 'http 502', 'http 503', 'http 429', 'reset', 'cut', 'truncate', 'stall']);
  });

  it('version and authenticate are retried too', async () => {
    sim.injectFault({ kind: 'reset', method: 'version' });
    sim.injectFault({ kind: 'http', status: 503, method: name === 'json2' ? 'context_get' : 'authenticate' });
    const t = transport(name);
    const client = await OdooClient.connect({ transport: t, credentials: creds, retry: { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 5 } });
    expect(client.uid).toBe(2);
    expect((await client.version()).serverVersion).toBe('19.0');
    expect(sim.injected.slice(-2).map((f) => `${f.fault} ${f.call}`)).toEqual([
      `http 503 ${name === 'json2' ? 'res.users.context_get' : 'common.authenticate'}`,
      'reset common.version',
    ]);
  });

  it("Odoo's own faults are not retried", async () => {
    const client = await OdooClient.connect({ transport: transport(name), credentials: creds, retry: { retries: 3, minTimeoutMs: 1, maxTimeoutMs: 5 } });
    const traceback = 'Traceback (most recent call last):\n  File "odoo/models.py", line 5, in search_read\nValueError: Invalid field \'x\' on model \'res.partner\'\n';
    const cases = [
      { code: 1, message: traceback, type: OdooServerError, text: "ValueError: Invalid field 'x' on model 'res.partner'" },
      { code: 2, message: 'The operation cannot be completed.', type: OdooUserError, text: 'The operation cannot be completed.' },
      { code: 4, message: 'You are not allowed to access Contact (res.partner) records.', type: OdooAccessError, text: 'You are not allowed to access Contact (res.partner) records.' },
    ];
    for (const { code, message, type, text } of cases) {
      // Once: were it retried, the second attempt would succeed and no error would surface.
      sim.injectFault({ kind: 'fault', code, message, model: 'res.partner', method: 'search_read' });
      const calls = sim.calls.length;
      const error = await failure(client.searchRead('res.partner', [], { fields: ['name'] }));
      expect(error).toBeInstanceOf(type);
      expect(error.retryable).toBe(false);
      expect(error.message).toBe(text);
      expect(sim.calls.length - calls).toBe(1);
    }
  });
});

describe('JSON-2 status 500', () => {
  it("with Odoo's JSON error body is Odoo's own server error, not retried; with a page it is transient", async () => {
    sim.injectFault({ kind: 'fault', code: 1, message: 'Traceback (most recent call last):\nKeyError: 42\n', model: 'res.partner', method: 'search_read' });
    const odoo = await failure(searchRead('json2'));
    expect(odoo).toBeInstanceOf(OdooServerError);
    expect(odoo.message).toBe('KeyError: 42');
    expect(odoo.retryable).toBe(false);
    sim.injectFault({ kind: 'http', status: 500, model: 'res.partner', method: 'search_read' });
    const page = await failure(searchRead('json2'));
    expect(page).toBeInstanceOf(OdooTransientError);
    expect((page as OdooTransientError).status).toBe(500);
  });
});
