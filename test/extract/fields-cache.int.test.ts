/**
 * A run plans its streams from the kept fields_get answers while Odoo's
 * fields are unchanged (one ir.model.fields read instead of a fields_get per
 * stream), and asks Odoo again for a model whose fields changed, vanished,
 * on --full-refresh, or when ir.model.fields cannot be read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract, type StreamResult } from '../../src/extract/run-extract.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let odoo: OdooClient;
const config = projectConfig();
/** Odoo 17's catalog models this simulated Odoo lacks: fields_get says so, every run. */
const ABSENT = ['hr.version', 'pos.promotion', 'product.brand'];

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.2, seed: 3 });
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  odoo = await connect(sim);
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

/** The models fields_get was asked for during one run, and the run's results. */
async function run(options: { fullRefresh?: boolean } = {}): Promise<{ asked: string[]; results: StreamResult[] }> {
  const from = sim.calls.length;
  sim.clock.advance(60_000);
  const results = await runExtract(odoo, db.pool, config, options, memoryLog());
  const asked = sim.calls.slice(from).filter((c) => c.method === 'fields_get').map((c) => c.model!).sort();
  return { asked, results };
}

describe('the field lists kept between runs', () => {
  it('the first run asks every model; the next asks only those Odoo lacks, and lands the same', async () => {
    const first = await run();
    expect(first.asked).toHaveLength(41);
    const kept = await db.pool.query<{ n: number }>('select count(*)::int as n from elt_odoo_fields');
    expect(kept.rows[0]!.n).toBe(38);
    const from = sim.calls.length;
    const second = await run();
    expect(second.asked).toEqual(ABSENT);
    expect(sim.calls.slice(from).filter((c) => c.model === 'ir.model.fields')).toHaveLength(1);
    expect(second.results.map((r) => [r.stream, r.status])).toEqual(first.results.map((r) => [r.stream, r.status]));
  });

  it('a model whose fields changed in Odoo is asked again, alone', async () => {
    const [label] = sim.store.search('ir.model.fields', [['model', '=', 'res.partner'], ['name', '=', 'name']], { activeTest: false });
    sim.write('ir.model.fields', [label!], { field_description: 'Full name' }); // a module upgrade relabels it
    expect((await run()).asked).toEqual([...ABSENT, 'res.partner'].sort());
    expect((await run()).asked).toEqual(ABSENT);
  });

  it('a model uninstalled is skipped as before; --full-refresh and an unreadable ir.model.fields ask every model', async () => {
    sim.removeModel('loyalty.rule');
    const gone = await run();
    expect(gone.asked).toEqual([...ABSENT, 'loyalty.rule'].sort());
    expect(gone.results.find((r) => r.stream === 'loyalty.rule')).toMatchObject({ status: 'skipped' });
    expect((await run({ fullRefresh: true })).asked).toHaveLength(41);
    sim.denyAccess('ir.model.fields');
    expect((await run()).asked).toHaveLength(41);
  });
});
