import { afterEach, describe, it, expect } from 'vitest';
import { chooseTransport, type TransportSettings } from '../../src/odoo/choose-transport.ts';
import { OdooTransientError } from '../../src/odoo/errors.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { startFakeJson, type FakeJsonServer } from './fake-json-server.ts';

let sim: Simulator | undefined;
let fake: FakeJsonServer | undefined;
afterEach(async () => {
  await sim?.close();
  await fake?.close();
  sim = undefined;
  fake = undefined;
});

function settings(url: string, overrides: Partial<TransportSettings> = {}): TransportSettings {
  const retry = { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 2 };
  return { url, db: 'odoo', login: 'admin', secret: 'key-0123456789', hasApiKey: true, timeoutMs: 2000, retry, ...overrides };
}

function recorder() {
  const lines: Array<{ obj: Record<string, unknown>; msg: string }> = [];
  return { lines, info: (obj: object, msg: string) => void lines.push({ obj: obj as Record<string, unknown>, msg }) };
}

describe('chooseTransport', () => {
  it('auto picks json2 on Odoo 19 with an API key, and logs why', async () => {
    sim = await startSimulator({ now: SIM_NOW, version: 19, scale: 0, models: [] });
    const log = recorder();
    const transport = await chooseTransport(settings(sim.url), log);
    expect(transport.name).toBe('json2');
    expect(log.lines).toEqual([
      {
        msg: 'Odoo transport json2: Odoo 19.0 serves JSON-2 and ODOO_API_KEY is set',
        obj: { transport: 'json2', reason: 'Odoo 19.0 serves JSON-2 and ODOO_API_KEY is set', serverVersion: '19.0' },
      },
    ]);
  });

  it('auto picks jsonrpc on Odoo 19 without an API key, and on Odoo 17 with one', async () => {
    sim = await startSimulator({ now: SIM_NOW, version: 19, scale: 0, models: [] });
    const log = recorder();
    expect((await chooseTransport(settings(sim.url, { hasApiKey: false }), log)).name).toBe('jsonrpc');
    expect(log.lines[0]!.msg).toBe(
      'Odoo transport jsonrpc: Odoo 19.0 serves JSON-2 but ODOO_API_KEY is not set (JSON-2 takes API keys only); /jsonrpc answers',
    );
    await sim.close();
    sim = await startSimulator({ now: SIM_NOW, version: 17, scale: 0, models: [] });
    const log17 = recorder();
    expect((await chooseTransport(settings(sim.url), log17)).name).toBe('jsonrpc');
    expect(log17.lines[0]!.msg).toBe('Odoo transport jsonrpc: Odoo 17.0 answers on /jsonrpc');
  });

  it('auto falls back to xmlrpc when neither /web/version nor /jsonrpc answer', async () => {
    fake = await startFakeJson(() => ({ raw: '<!doctype html><title>404 Not Found</title>', status: 404 }));
    const log = recorder();
    const transport = await chooseTransport(settings(fake.url), log);
    expect(transport.name).toBe('xmlrpc');
    expect(log.lines[0]!.msg).toBe(
      "Odoo transport xmlrpc: /jsonrpc does not answer (Odoo answered HTTP 404 Not Found on /jsonrpc: is ODOO_URL the Odoo server's root URL?)",
    );
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /web/version', 'POST /jsonrpc']);
  });

  it('a server that does not answer at all fails the choice instead of guessing, after the retries', async () => {
    fake = await startFakeJson(() => ({ raw: 'busy', status: 503 }));
    await expect(chooseTransport(settings(fake.url), recorder())).rejects.toBeInstanceOf(OdooTransientError);
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /web/version', 'GET /web/version', 'GET /web/version']);
  });

  it('a probe that fails transiently is retried, not taken for a missing route', async () => {
    sim = await startSimulator({ now: SIM_NOW, version: 19, scale: 0, models: [] });
    sim.injectFault({ kind: 'http', status: 502, method: 'version', times: 2 });
    const warnings: string[] = [];
    const log = { ...recorder(), warn: (obj: object) => void warnings.push(String((obj as { error: string }).error)) };
    expect((await chooseTransport(settings(sim.url), log)).name).toBe('json2');
    expect(warnings).toEqual(['Odoo answered HTTP 502 Bad Gateway on /web/version', 'Odoo answered HTTP 502 Bad Gateway on /web/version']);
    expect(sim.injected).toEqual([
      { fault: 'http 502', call: 'common.version', source: 'queued' },
      { fault: 'http 502', call: 'common.version', source: 'queued' },
    ]);
  });

  it('an explicit ODOO_TRANSPORT skips probing', async () => {
    fake = await startFakeJson(() => ({ raw: 'unused', status: 500 }));
    for (const name of ['xmlrpc', 'jsonrpc', 'json2'] as const) {
      const log = recorder();
      expect((await chooseTransport(settings(fake.url, { transport: name }), log)).name).toBe(name);
      expect(log.lines[0]!.msg).toBe(`Odoo transport ${name} (set by ODOO_TRANSPORT)`);
    }
    expect(fake.calls).toHaveLength(0);
  });
});
