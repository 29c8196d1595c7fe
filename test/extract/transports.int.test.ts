import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { memoryLog, projectConfig, SIM_NOW } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';
import { OdooClient } from '../../src/odoo/client.ts';
import { chooseTransport, createNamedTransport } from '../../src/odoo/choose-transport.ts';
import type { TransportName } from '../../src/odoo/transport.ts';

const KEY = 'elt-api-key-5f2c9a0e7b1d';
const TRANSPORTS: readonly TransportName[] = ['xmlrpc', 'jsonrpc', 'json2'];
let sim: Simulator;
const dbs = new Map<TransportName, FreshDatabase>();
/** The simulator's calls made by each transport's run. */
const callsOf = new Map<TransportName, Simulator['calls']>();

beforeAll(async () => {
  sim = await startSimulator({
    now: SIM_NOW,
    version: 19,
    brand: true,
    posPromotion: true,
    scale: 0.1,
    seed: 4,
    users: [{ login: 'admin', password: 'admin', apiKey: KEY }],
  });
  for (const name of TRANSPORTS) dbs.set(name, await freshDatabase());
});
afterAll(async () => {
  for (const db of dbs.values()) await db.drop();
  await sim?.close();
});

async function connect(name: TransportName): Promise<OdooClient> {
  return OdooClient.connect({
    transport: createNamedTransport(name, sim.url, 10_000),
    // The API key in place of the password on every transport
    credentials: { url: sim.url, db: sim.db, login: 'admin', secret: KEY },
    retry: { retries: 2, minTimeoutMs: 5, maxTimeoutMs: 20 },
  });
}

describe('the same Odoo 19 through XML-RPC, JSON-RPC and JSON-2', () => {
  it('lands identical raw tables', async () => {
    for (const name of TRANSPORTS) {
      const first = sim.calls.length;
      const odoo = await connect(name);
      expect(odoo.transportName).toBe(name);
      expect(odoo.uid).toBe(2);
      const results = await runExtract(odoo, dbs.get(name)!.pool, projectConfig(), {}, memoryLog());
      expect(results.filter((r) => r.status !== 'success').map((r) => `${r.stream}: ${r.error}`), name).toEqual([]);
      callsOf.set(name, sim.calls.slice(first));
    }
    let total = 0;
    for (const { model } of BUILTIN_STREAMS) {
      const table = `raw_${model.replaceAll('.', '_')}`;
      const [xml, json, json2] = await Promise.all(
        TRANSPORTS.map(async (name) => (await dbs.get(name)!.pool.query(`select id, data from ${table} order by id`)).rows),
      );
      expect(xml!.length, model).toBe(sim.count(model, { activeTest: false }));
      expect(json, `${model} over jsonrpc`).toEqual(xml);
      expect(json2, `${model} over json2`).toEqual(xml);
      total += xml!.length;
    }
    expect(total).toBeGreaterThan(1000);
  });

  it('JSON-2 sent the domains by name, the RPC transports positionally', () => {
    const reads = (name: TransportName) => callsOf.get(name)!.filter((c) => c.method === 'search_read');
    expect(reads('json2').length).toBeGreaterThan(BUILTIN_STREAMS.length / 2);
    expect(reads('json2').length).toBe(reads('xmlrpc').length);
    for (const call of reads('json2')) {
      expect(call.args).toEqual([]);
      expect(call.kwargs.domain).toBeInstanceOf(Array);
      expect(call.kwargs.context).toMatchObject({ active_test: false });
    }
    for (const call of [...reads('xmlrpc'), ...reads('jsonrpc')]) expect(call.args).toHaveLength(1);
  });
});

describe('ODOO_TRANSPORT=auto', () => {
  it('picks json2 on Odoo 19 with an API key and jsonrpc on Odoo 17', async () => {
    const settings = { url: sim.url, db: sim.db, login: 'admin', secret: KEY, hasApiKey: true, timeoutMs: 5_000 };
    const log = memoryLog();
    const on19 = await chooseTransport(settings, log);
    expect(on19.name).toBe('json2');
    const odoo = await OdooClient.connect({ transport: on19, credentials: settings });
    expect(await odoo.searchCount('res.partner', [])).toBe(sim.count('res.partner'));
    const sim17 = await startSimulator({ now: SIM_NOW, version: 17, scale: 0, users: [{ login: 'admin', password: 'admin', apiKey: KEY }] });
    try {
      const on17 = await chooseTransport({ ...settings, url: sim17.url }, log);
      expect(on17.name).toBe('jsonrpc');
      const client17 = await OdooClient.connect({ transport: on17, credentials: { ...settings, url: sim17.url } });
      expect(client17.uid).toBe(2);
    } finally {
      await sim17.close();
    }
    expect(log.lines.map((l) => l.msg)).toEqual([
      'Odoo transport json2: Odoo 19.0 serves JSON-2 and ODOO_API_KEY is set',
      'Odoo transport jsonrpc: Odoo 17.0 answers on /jsonrpc',
    ]);
  });
});
