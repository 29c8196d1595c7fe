import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';
import { ProjectConfigError } from '../../src/extract/project-config.ts';

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

  it('lands partners without a mobile (gone in Odoo 19): staging still has the column, NULL; phone and its sanitized copy land', async () => {
    const { rows: raw } = await db.pool.query(`select count(*)::int as n, count(*) filter (where data ? 'mobile')::int as mobile,
                                                      count(*) filter (where data ->> 'phone_sanitized' like '+%')::int as sanitized
                                                 from raw_res_partner`);
    expect(raw[0]).toMatchObject({ n: sim.count('res.partner', { activeTest: false }), mobile: 0 });
    expect(raw[0].sanitized).toBeGreaterThan(10);
    const { rows: staged } = await db.pool.query(`select count(*)::int as n, count(mobile)::int as mobile, count(phone)::int as phone,
                                                         pg_typeof(max(mobile))::text as type
                                                    from stg_res_partner`);
    expect(staged[0]).toMatchObject({ n: raw[0].n, mobile: 0, type: 'text' });
    expect(staged[0].phone).toBe(sim.store.search('res.partner', [['phone', '!=', false]], { activeTest: false }).length);
  });

  it('refuses hash_fields naming mobile on res.partner as a configuration error, in one line', async () => {
    const config = projectConfig({ streams: { 'res.partner': { hash_fields: ['email', 'mobile', 'phone'] } } });
    const run = runExtract(await connect(sim), db.pool, config, { streams: ['res.partner'], hashKey: 'odoo19-hash-key-0123456789' }, memoryLog());
    await expect(run).rejects.toThrow(new ProjectConfigError('stream res.partner: Odoo has no field mobile on res.partner (check hash_fields)'));
  });
});
