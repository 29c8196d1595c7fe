/**
 * `elt verify` on a simulated Odoo after a normal `elt run`: zero drift, the
 * Odoo calls it makes, then the exact ids and totals once records change
 * behind the tool's back (in Odoo without a new write_date, in raw by SQL,
 * deleted in Odoo, created and not extracted yet), and bad input.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { ownModelsOnly, projectDir, runCliInProcess, spawnElt, tableCounts, type EnvOverrides } from '../support/cli.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import type { RecordValues } from '../../src/simulator/model-def.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Extract pages of 20 records, so verify lists ids in pages of 200 and several pages per big stream. */
const PAGE = 200;
let sim: Simulator;
let db: FreshDatabase;
let config: string;
const dirs: string[] = [];

function env(overrides: EnvOverrides = {}): EnvOverrides {
  return { ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', DATABASE_URL: db.url, LOG_LEVEL: 'silent', ELT_CONFIG: config, ...overrides };
}
const elt = (args: string[], cwd = root) => runCliInProcess(args, env(), cwd);

function records(model: string): RecordValues[] {
  return sim.store.search(model, [], { activeTest: false, order: 'id' }).map((id) => sim.store.get(model, id)!);
}
/** A sum to the cent as verify prints it, from whole cents so float noise cannot tip it. */
function total(values: readonly unknown[]): string {
  const cents = values.reduce<number>((sum, v) => sum + Math.round(Number(v) * 100), 0);
  const [whole, fraction] = (cents / 100).toFixed(2).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}
/** The table row of a check, split into its cells. */
function row(stdout: string, check: string): string[] | undefined {
  return stdout.split('\n').map((l) => l.split(/\s{2,}/)).find((cells) => cells[0] === check);
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 11 });
  db = await freshDatabase();
  const dir = projectDir({ 'elt.yml': 'extract:\n  page_size: 20\n' });
  dirs.push(dir);
  config = join(dir, 'elt.yml');
  const run = await elt(['run']);
  expect(run.code, run.stderr).toBe(0);
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('elt verify', () => {
  it('reports zero drift after a normal run, in pages of ten extract pages', async () => {
    const before = sim.calls.length;
    const out = await elt(['verify']);
    expect(out.code, out.stdout + out.stderr).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^check\s+warehouse\s+odoo\s+status$/);
    expect(lines.at(-1)).toBe('58 checks: 55 ok, 3 skipped');
    const orders = records('pos.order').length;
    expect(row(out.stdout, 'pos.order')).toEqual(['pos.order', `${orders}`, `${orders}`, 'ok']);
    expect(row(out.stdout, 'product.brand')).toEqual(['product.brand', '-', '-', 'skipped']);
    const pos = total(records('pos.order').map((o) => o.amount_total));
    expect(row(out.stdout, "fact_sales.amount_total where source = 'pos'")).toEqual(["fact_sales.amount_total where source = 'pos'", pos, pos, 'ok']);
    const sale = total(records('sale.order.line').map((l) => l.price_total));
    expect(row(out.stdout, "fact_sales_lines.price_subtotal_incl where source = 'sale'")).toEqual(["fact_sales_lines.price_subtotal_incl where source = 'sale'", sale, sale, 'ok']);
    // Odoo's side of a where inside sum(): only the lines whose cost Odoo computed.
    const cost = total(records('pos.order.line').filter((l) => l.is_total_cost_computed === true).map((l) => l.total_cost));
    expect(cost).not.toBe('0.00');
    expect(row(out.stdout, "fact_sales_lines.cost where cost_source = 'total_cost'")).toEqual(["fact_sales_lines.cost where cost_source = 'total_cost'", cost, cost, 'ok']);
    expect(out.stdout).toContain('product.brand: skipped: Odoo has no model product.brand (module not installed)\n');

    // One search_count, then one search_read per page of ids (the last one short), nothing else per stream.
    const calls = sim.calls.slice(before).filter((c) => c.model === 'pos.order.line');
    const lineCount = records('pos.order.line').length;
    expect(lineCount).toBeGreaterThan(2 * PAGE); // several full pages and a short last one, or the paging goes untested
    expect(calls.map((c) => c.method)).toEqual(['fields_get', 'search_count', ...Array(Math.floor(lineCount / PAGE) + 1).fill('search_read')]);
    expect(calls.filter((c) => c.method === 'search_read').map((c) => c.kwargs)).toEqual(
      Array(Math.floor(lineCount / PAGE) + 1).fill(expect.objectContaining({ fields: ['write_date', 'price_subtotal_incl', 'total_cost', 'is_total_cost_computed'], order: 'id', limit: PAGE, context: expect.objectContaining({ active_test: false }) })),
    );
  });

  it('names the exact ids and totals that drift after changes behind its back, and --json says the same', async () => {
    // In Odoo, without a new write_date (a direct SQL update in Odoo's database would do that).
    const order = records('pos.order').find((o) => o.state === 'done')!;
    const posBefore = total(records('pos.order').map((o) => o.amount_total));
    sim.store.update('pos.order', order.id as number, { amount_total: (order.amount_total as number) + 10 }, { date: order.write_date as string, uid: order.write_uid as number });
    // Deleted in Odoo, no --detect-deletes since.
    const posLinesBefore = total(records('pos.order.line').map((l) => l.price_subtotal_incl));
    const costed = () => records('pos.order.line').filter((l) => l.is_total_cost_computed === true);
    const costBefore = total(costed().map((l) => l.total_cost));
    const line = costed().find((l) => (l.price_subtotal_incl as number) > 0 && (l.total_cost as number) > 0)!;
    sim.unlink('pos.order.line', [line.id as number]);
    // Created in Odoo, not extracted yet: eleven of them, so the list is cut at ten.
    const created = Array.from({ length: 11 }, (_, i) => sim.create('res.partner', { name: `Not extracted yet ${i}` }));
    // Edited in raw by SQL: a summed field of a sale line, and a partner marked deleted.
    const saleLine = records('sale.order.line').find((l) => (l.price_total as number) > 0)!;
    await db.pool.query(`update raw_sale_order_line set data = jsonb_set(data, '{price_total}', '0') where id = $1`, [saleLine.id]);
    const partner = records('res.partner')[3]!;
    await db.pool.query('update raw_res_partner set deleted_at = now() where id = $1', [partner.id]);
    const partners = records('res.partner').length;
    // Written in Odoo (a new write_date), not extracted yet.
    const product = records('product.product')[5]!;
    sim.write('product.product', [product.id as number], { barcode: '4006381333931' });

    const out = await elt(['verify']);
    expect(out.code, out.stderr).toBe(1);
    const missing = [partner.id as number, ...created].sort((a, b) => a - b);
    expect(out.stdout.split('\n\n')[1]).toBe(
      [
        'hr.version: skipped: Odoo has no model hr.version (module not installed)',
        `pos.order: 1 differ (write_date or a summed field): ${order.id}`,
        `pos.order.line: 1 in raw, gone from Odoo: ${line.id}`,
        'pos.promotion: skipped: Odoo has no model pos.promotion (module not installed)',
        'product.brand: skipped: Odoo has no model product.brand (module not installed)',
        `product.product: 1 differ (write_date or a summed field): ${product.id}`,
        `res.partner: 12 in Odoo, missing from raw: ${missing.slice(0, 10).join(', ')} and 2 more`,
        `sale.order.line: 1 differ (write_date or a summed field): ${saleLine.id}`,
        '58 checks: 47 ok, 8 drift, 3 skipped',
        '',
      ].join('\n'),
    );
    expect(row(out.stdout, 'res.partner')).toEqual(['res.partner', `${partners - 12}`, `${partners}`, 'drift']);
    expect(row(out.stdout, 'pos.order.line')?.slice(1)).toEqual([`${records('pos.order.line').length + 1}`, `${records('pos.order.line').length}`, 'drift']);
    expect(row(out.stdout, "fact_sales.amount_total where source = 'pos'")?.slice(1)).toEqual([posBefore, total(records('pos.order').map((o) => o.amount_total)), 'drift']);
    expect(row(out.stdout, "fact_sales_lines.price_subtotal_incl where source = 'pos'")?.slice(1)).toEqual([posLinesBefore, total(records('pos.order.line').map((l) => l.price_subtotal_incl)), 'drift']);
    expect(row(out.stdout, "fact_sales_lines.cost where cost_source = 'total_cost'")?.slice(1)).toEqual([costBefore, total(costed().map((l) => l.total_cost)), 'drift']);
    // The raw edit reached no mart (no transform since), so the sale sums still agree.
    expect(row(out.stdout, "fact_sales_lines.price_subtotal_incl where source = 'sale'")?.[3]).toBe('ok');

    const json = await elt(['verify', '--json', '--streams', 'res.partner,pos.order']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(false);
    expect(report.streams).toEqual([
      { stream: 'pos.order', status: 'drift', warehouse: records('pos.order').length, odoo: records('pos.order').length, missing: { count: 0, ids: [] }, extra: { count: 0, ids: [] }, changed: { count: 1, ids: [order.id] } },
      { stream: 'res.partner', status: 'drift', warehouse: partners - 12, odoo: partners, missing: { count: 12, ids: missing.slice(0, 10) }, extra: { count: 0, ids: [] }, changed: { count: 0, ids: [] } },
    ]);
    expect(report.sums.map((s: { check: string; status: string }) => [s.check, s.status])).toEqual([
      ["fact_sales.amount_total where source = 'pos'", 'drift'],
    ]);

    // A full refresh re-reads Odoo and detects deletes: those streams and their marts agree again.
    expect((await elt(['run', '--full-refresh'])).code).toBe(0);
    const after = await elt(['verify', '--streams', 'pos.order,pos.order.line,res.partner']);
    expect(after.code, after.stdout).toBe(0);
    expect(after.stdout.trimEnd().split('\n').at(-1)).toBe('6 checks: 6 ok');
  });

  it('rejects bad input in one line, exit 2, before reading Odoo', async () => {
    const before = sim.calls.length;
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['verify', '--stream', 'pos.order'], {}, 'elt verify: unknown option --stream: did you mean --streams? (see elt verify --help)'],
      [['verify', '--streams', 'pos.ordr'], {}, 'elt verify: unknown stream "pos.ordr": did you mean pos.order'],
      [['verify'], { 'sql/marts/probe.sql': "-- materialized: table\n-- verify: amount_total = total(pos.order.amount_total)\nselect 1 as amount_total" },
        `elt verify: sql/marts/probe.sql: verify "amount_total = total(pos.order.amount_total)" should read "<column> = sum(<odoo model>.<field> [where <field> = '<value>']) [where <column> = '<value>']"`],
      [['verify'], { 'sql/marts/probe.sql': '-- materialized: table\n-- verify: amount = sum(pos.ordre.amount_total)\nselect 1 as amount' },
        'elt verify: sql/marts/probe.sql: verify: no stream extracts pos.ordre'],
      [['verify'], { 'sql/marts/verify_probe.sql': '-- materialized: table\n-- verify: amount = sum(pos.order.amount_total)\nselect 1 as amount_total' },
        'elt verify: sql/marts/verify_probe.sql: verify: verify_probe has no column amount'],
    ];
    await db.pool.query('create table if not exists verify_probe (amount_total numeric)');
    for (const [args, files, message] of cases) {
      const dir = projectDir(ownModelsOnly(files));
      dirs.push(dir);
      const out = await elt(args, Object.keys(files).length ? dir : root);
      expect(out.code, out.stderr).toBe(2);
      expect(out.stderr.split('\n')).toHaveLength(2);
      expect(out.stderr.startsWith(message), out.stderr).toBe(true);
    }
    expect(sim.calls.slice(before)).toEqual([]);

    // A field the stream does not land is found once Odoo has answered fields_get; still exit 2, nothing written.
    const dir = projectDir(ownModelsOnly({ 'sql/marts/verify_probe.sql': '-- materialized: table\n-- verify: amount_total = sum(pos.order.amount_totl)\nselect 1 as amount_total' }));
    dirs.push(dir);
    const counts = await tableCounts(db.pool);
    const out = await elt(['verify'], dir);
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toBe('elt verify: sql/marts/verify_probe.sql: verify: pos.order.amount_totl is not a field elt extracts (unknown to Odoo, not stored, or in exclude_fields)\n');
    expect(await tableCounts(db.pool)).toEqual(counts);

    const help = await spawnElt(['verify', '--help'], {}, root);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('elt verify --streams pos.order,pos.order.line');
    expect(help.stdout).toContain('--json');
  });
});

describe('elt verify when Odoo refuses a stream', () => {
  it('fails that stream alone, with Odoo\'s message, exit 1', async () => {
    sim.denyAccess('crm.team');
    const out = await elt(['verify', '--streams', 'crm.team,uom.uom']);
    expect(out.code).toBe(1);
    expect(row(out.stdout, 'crm.team')).toEqual(['crm.team', '-', '-', 'failed']);
    expect(row(out.stdout, 'uom.uom')?.[3]).toBe('ok');
    expect(out.stdout).toMatch(/\ncrm\.team: failed: .*You are not allowed to access .*\(crm\.team\) records\.\n/);
    expect(out.stdout.trimEnd().split('\n').at(-1)).toBe('2 checks: 1 ok, 1 failed');
  });
});

describe('elt verify on Odoo 19 over JSON-2', () => {
  let sim19: Simulator;
  let db19: FreshDatabase;
  beforeAll(async () => {
    sim19 = await startSimulator({ now: SIM_NOW, version: 19, scale: 0.02, seed: 4, users: [{ login: 'elt', password: 'Pass-19', apiKey: 'verify-19-api-key-0123456789' }] });
    db19 = await freshDatabase();
  });
  afterAll(async () => {
    await db19?.drop();
    await sim19?.close();
  });

  it('reports zero drift after a normal run', async () => {
    const env19 = { ODOO_URL: sim19.url, ODOO_DB: sim19.db, ODOO_USERNAME: 'elt', ODOO_API_KEY: 'verify-19-api-key-0123456789', ODOO_TRANSPORT: 'json2', DATABASE_URL: db19.url, LOG_LEVEL: 'silent' };
    expect((await runCliInProcess(['run'], env19, root)).code).toBe(0);
    const out = await runCliInProcess(['verify'], env19, root);
    expect(out.code, out.stdout).toBe(0);
    expect(row(out.stdout, 'hr.version')?.[3]).toBe('ok');
    expect(out.stdout.trimEnd().split('\n').at(-1)).toBe('58 checks: 56 ok, 2 skipped');
  });
});
