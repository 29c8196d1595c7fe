/**
 * The default warehouse on a simulated Odoo 19: employees' job and department
 * come from hr.version, products' cost is stored per variant and storable goods
 * are flagged by is_storable, partners have no mobile (dim_customers reads NULL).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordValues } from '../../src/simulator/model-def.ts';
import { freshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import { streamNames } from '../../src/extract/streams.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';
import { ensureRawTable } from '../../src/db/raw-tables.ts';
import { loadSeeds } from '../../src/transform/seeds.ts';
import { runTransform } from '../../src/transform/run-transform.ts';
import type { OdooClient } from '../../src/odoo/client.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
let sim: Simulator;
let db: Awaited<ReturnType<typeof freshDatabase>>;
let odoo: OdooClient;

async function run(): Promise<void> {
  const extracted = await runExtract(odoo, db.pool, projectConfig(), {}, memoryLog());
  expect(extracted.filter((r) => r.status !== 'success').map((r) => r.stream)).toEqual([]);
  const results = await runTransform(db.pool, { projectDir, streams: streamNames(projectConfig()) }, memoryLog());
  expect(results.filter((r) => r.status !== 'success').map((r) => `${r.model}: ${r.error}`)).toEqual([]);
}
async function rows(sql: string, params: unknown[] = []): Promise<any[]> {
  return (await db.pool.query(sql, params)).rows;
}
function records(model: string): RecordValues[] {
  return sim.store.search(model, [], { activeTest: false, order: 'id' }).map((id) => sim.store.get(model, id)!);
}
const orNull = (v: unknown) => (v === false || v === undefined ? null : v);

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, version: 19, scale: 0.1, seed: 19, brand: true, posPromotion: true });
  sim.clock.set(simTime(3_600_000));
  db = await freshDatabase();
  odoo = await connect(sim);
  for (const { model } of BUILTIN_STREAMS) await ensureRawTable(db.pool, model);
  await loadSeeds(db.pool, join(projectDir, 'sql', 'seeds'));
  await run();
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

describe('the default warehouse on Odoo 19', () => {
  it("an employee's job, department and work location are those of the current hr.version", async () => {
    const expected = records('hr.employee').map((e) => {
      const v = sim.store.get('hr.version', e.current_version_id as number)!;
      return {
        employee_id: e.id, version_id: v.id, job_id: orNull(v.job_id), department_id: orNull(v.department_id),
        work_location_id: orNull(v.work_location_id), contract_date_start: orNull(v.contract_date_start),
      };
    });
    expect(expected.filter((e) => e.job_id !== null).length).toBeGreaterThan(0);
    expect(await rows(`select employee_id, version_id, job_id, department_id, work_location_id, contract_date_start::text
                         from dim_employees order by employee_id`)).toEqual(expected);
  });

  it('a new job on the current version reaches dim_employees, and only that employee', async () => {
    const employee = records('hr.employee').find((e) => e.active === true && typeof e.current_version_id === 'number')!;
    const version = sim.store.get('hr.version', employee.current_version_id as number)!;
    const job = records('hr.job').find((j) => j.id !== version.job_id)!;
    const before = await rows(`select employee_id, xmin::text as x from dim_employees order by 1`);
    sim.clock.advance(60_000);
    sim.write('hr.version', [version.id as number], { job_id: job.id, job_title: 'Nouveau poste' });
    sim.clock.advance(60_000);
    await run();
    const after = await rows(`select employee_id, xmin::text as x from dim_employees order by 1`);
    expect(after.filter((r, i) => r.x !== before[i].x).map((r) => r.employee_id)).toEqual([employee.id]);
    expect(await rows(`select job_id, job_title from dim_employees where employee_id = $1`, [employee.id]))
      .toEqual([{ job_id: job.id, job_title: 'Nouveau poste' }]);
  });

  it('customers: no mobile on Odoo 19, so dim_customers.mobile is NULL; the phone is Odoo\'s', async () => {
    const partners = records('res.partner');
    expect(partners.filter((p) => 'mobile' in p)).toEqual([]);
    expect(partners.filter((p) => typeof p.phone === 'string').length).toBeGreaterThan(10);
    expect(await rows(`select customer_id as id, phone, mobile from dim_customers order by customer_id`))
      .toEqual(partners.map((p) => ({ id: p.id, phone: orNull(p.phone), mobile: null })));
  });

  it('products carry the stored variant cost and the is_storable flag', async () => {
    const expected = records('product.product').map((p) => {
      const t = sim.store.get('product.template', p.product_tmpl_id as number)!;
      return { product_id: p.id, standard_price: p.standard_price, product_type: t.type, is_storable: t.is_storable, brand_id: orNull(t.product_brand_id) };
    });
    expect(expected.some((p) => p.is_storable) && expected.some((p) => p.brand_id !== null)).toBe(true);
    expect(await rows(`select product_id, standard_price::float8 as standard_price, product_type, is_storable, brand_id
                         from dim_products order by product_id`)).toEqual(expected);
    const zeroRows = await rows(`select count(*)::int as n from fact_stock as s join dim_products as p using (product_id)
                                  where s.quant_count = 0 and not p.is_storable`);
    expect(zeroRows).toEqual([{ n: 0 }]);
    expect(await rows(`select count(*)::int as n from fact_stock where quant_count = 0`)).not.toEqual([{ n: 0 }]);
  });
});
