import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';

let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, version: 19, brand: true, posPromotion: true, scale: 0.1, seed: 19 });
  db = await freshDatabase();
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

describe('elt extract on an Odoo 19 with the optional modules', () => {
  it('lands every built-in stream, hr.version, product.brand and pos.promotion included', async () => {
    const log = memoryLog();
    const results = await runExtract(await connect(sim), db.pool, projectConfig(), {}, log);
    expect(results.map((r) => [r.stream, r.status]).filter(([, s]) => s !== 'success')).toEqual([]);
    expect(results).toHaveLength(BUILTIN_STREAMS.length);
    for (const { model } of BUILTIN_STREAMS) {
      const { rows } = await db.pool.query(`select count(*)::int as n from raw_${model.replaceAll('.', '_')}`);
      expect(rows[0].n, model).toBe(sim.count(model, { activeTest: false }));
    }
    expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]);
    // Odoo 19 keeps an employee's job and department on hr.version; they land there.
    const { rows } = await db.pool.query(`select count(*)::int as n from raw_hr_version where jsonb_typeof(data -> 'job_id') = 'number'`);
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
