/**
 * The finance marts on a simulated Odoo 17 and 19: extract and transform as
 * `elt run` does, then check them against the simulator's own records:
 * invoice totals per move type and state, ledger balances per account,
 * every posted entry balanced (and the data test that says so failing when
 * one is not), payments, the aging buckets and the POS lines' cost.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordValues } from '../../src/simulator/model-def.ts';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { connect, memoryLog, projectConfig, SIM_NOW, simTime } from '../support/odoo.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { runExtract } from '../../src/extract/run-extract.ts';
import { streamNames } from '../../src/extract/streams.ts';
import { loadSeeds } from '../../src/transform/seeds.ts';
import { runTransform } from '../../src/transform/run-transform.ts';
import { runDataTests } from '../../src/transform/data-tests.ts';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
/** The simulator's clock is SIM_NOW plus an hour: the aging is asked as of that day, never the machine's. */
const AS_OF = simTime(3_600_000).toISOString().slice(0, 10);

/** A sum in whole cents, so float noise in the simulator's values cannot tip it. */
function cents(values: unknown[]): number {
  return values.reduce<number>((sum, v) => sum + Math.round(Number(v) * 100), 0);
}
const id = (v: unknown): number | null => (Array.isArray(v) ? (v[0] as number) : typeof v === 'number' ? v : null);

for (const version of [17, 19] as const) {
  describe(`the finance marts on Odoo ${version}`, () => {
    let sim: Simulator;
    let db: FreshDatabase;
    const rows = async (sql: string): Promise<any[]> => (await db.pool.query(sql)).rows;
    /** The singular test journal_entries_balance (sql/tests), run with the tests that read fact_journal_items. */
    const balanceTest = async () => {
      const tests = await runDataTests(db.pool, { projectDir, select: ['fact_journal_items'], streams: streamNames(projectConfig()) }, memoryLog());
      return tests.find((t) => t.name === 'journal_entries_balance')!;
    };
    const records = (model: string): RecordValues[] => sim.store.search(model, [], { activeTest: false, order: 'id' }).map((i) => sim.store.get(model, i)!);

    beforeAll(async () => {
      sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 15, version });
      sim.clock.set(simTime(3_600_000));
      db = await freshDatabase();
      const odoo = await connect(sim);
      const extracted = await runExtract(odoo, db.pool, projectConfig(), {}, memoryLog());
      expect(extracted.filter((r) => r.status === 'failed')).toEqual([]);
      await loadSeeds(db.pool, join(projectDir, 'sql', 'seeds'));
      const built = await runTransform(db.pool, { projectDir, streams: streamNames(projectConfig()), vars: { aging_as_of: AS_OF } }, memoryLog());
      expect(built.filter((r) => r.status !== 'success').map((r) => `${r.model}: ${r.error}`)).toEqual([]);
    });
    afterAll(async () => {
      await db?.drop();
      await sim?.close();
    });

    it('fact_invoices: one row per invoice-type move, totals per move type and state equal Odoo to the cent', async () => {
      const invoices = records('account.move').filter((m) => m.move_type !== 'entry');
      expect(invoices.length).toBeGreaterThan(20);
      const want = new Map<string, { n: number; total: number; residual: number }>();
      for (const m of invoices) {
        const key = `${m.move_type}/${m.state}`;
        const at = want.get(key) ?? { n: 0, total: 0, residual: 0 };
        want.set(key, { n: at.n + 1, total: at.total + cents([m.amount_total_signed]), residual: at.residual + cents([m.amount_residual_signed]) });
      }
      const got = await rows(`select move_type || '/' || state as key, count(*)::int as n, round(sum(amount_total_signed) * 100)::bigint as total,
                                     round(sum(amount_residual_signed) * 100)::bigint as residual from fact_invoices group by 1 order by 1`);
      expect(new Map(got.map((r) => [r.key, { n: r.n, total: Number(r.total), residual: Number(r.residual) }]))).toEqual(want);
      // Several types and states, so the comparison means something.
      expect(new Set(invoices.map((m) => m.move_type)).size).toBeGreaterThanOrEqual(4);
      expect(new Set(invoices.map((m) => m.state)).size).toBeGreaterThanOrEqual(2);
      // Signs as Odoo's: a customer invoice positive, a vendor bill negative, in both currencies.
      expect(await rows(`select move_type, bool_and(amount_total_signed >= 0) as pos, bool_and(amount_total_in_currency_signed >= 0) as pos_doc,
                                bool_and(sign(amount_untaxed_in_currency_signed) * sign(amount_total_in_currency_signed) >= 0) as same
                           from fact_invoices where move_type in ('out_invoice', 'in_invoice') and state = 'posted' group by 1 order by 1`))
        .toEqual([{ move_type: 'in_invoice', pos: false, pos_doc: false, same: true }, { move_type: 'out_invoice', pos: true, pos_doc: true, same: true }]);
    });

    it('fact_journal_items: balances per account equal Odoo, posted and not; every posted entry balances', async () => {
      const lines = records('account.move.line').filter((l) => !['line_section', 'line_note'].includes(String(l.display_type)));
      const want = new Map<string, number>();
      for (const l of lines) {
        const key = `${id(l.account_id)}/${l.parent_state}`;
        want.set(key, (want.get(key) ?? 0) + cents([l.balance]));
      }
      const got = await rows(`select account_id || '/' || move_state as key, round(sum(balance) * 100)::bigint as b from fact_journal_items group by 1`);
      expect(new Map(got.map((r) => [r.key, Number(r.b)]))).toEqual(want);
      expect(await rows(`select count(*)::int as n from fact_journal_items`)).toEqual([{ n: lines.length }]);
      expect((await balanceTest()).status).toBe('pass');
    });

    it('the balance test fails, naming the entry, when a posted entry does not balance', async () => {
      const [line] = await rows(`select line_id, move_id from fact_journal_items where move_state = 'posted' and debit > 0 order by line_id limit 1`);
      await db.pool.query(`update fact_journal_items set debit = debit + 0.01 where line_id = $1`, [line.line_id]);
      try {
        const test = await balanceTest();
        expect(test).toMatchObject({ name: 'journal_entries_balance', status: 'fail', failures: 1 });
        expect(test!.sample.rows.map((r) => r[test!.sample.columns.indexOf('move_id')])).toEqual([String(line.move_id)]);
      } finally {
        await db.pool.query(`update fact_journal_items set debit = debit - 0.01 where line_id = $1`, [line.line_id]);
      }
    });

    it('fact_payments and aging_by_partner agree with Odoo', async () => {
      const payments = records('account.payment');
      expect(payments.length).toBeGreaterThan(5);
      expect(await rows(`select count(*)::int as n, round(sum(amount) * 100)::bigint as amount, count(*) filter (where state is null)::int as stateless from fact_payments`))
        .toEqual([{ n: payments.length, amount: cents(payments.map((p) => p.amount)), stateless: 0 }]);
      // What is owed: posted receivable items with a residual, in buckets from their due date to the simulator's day.
      const accounts = new Map(records('account.account').map((a) => [a.id as number, a.account_type]));
      const buckets = [0, 0, 0, 0, 0];
      for (const l of records('account.move.line')) {
        if (l.parent_state !== 'posted' || accounts.get(id(l.account_id)!) !== 'asset_receivable' || !Number(l.amount_residual)) continue;
        const due = String(l.date_maturity || l.date);
        const days = Math.round((Date.parse(AS_OF) - Date.parse(due)) / 86_400_000);
        buckets[days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4]! += cents([l.amount_residual]);
      }
      const [got] = await rows(`select as_of::text, round(coalesce(sum(current), 0) * 100)::bigint as b0, round(coalesce(sum(days_1_30), 0) * 100)::bigint as b1,
                                       round(coalesce(sum(days_31_60), 0) * 100)::bigint as b2, round(coalesce(sum(days_61_90), 0) * 100)::bigint as b3,
                                       round(coalesce(sum(days_over_90), 0) * 100)::bigint as b4 from aging_by_partner where kind = 'receivable' group by as_of`);
      expect(got).toEqual({ as_of: AS_OF, b0: buckets[0], b1: buckets[1], b2: buckets[2], b3: buckets[3], b4: buckets[4] });
      expect(buckets.filter((b) => b !== 0).length).toBeGreaterThanOrEqual(3);
    });

    it("fact_sales_lines: a POS line's cost is Odoo's total_cost once computed, else the product's cost", async () => {
      const lines = records('pos.order.line');
      const computed = lines.filter((l) => l.is_total_cost_computed);
      expect(computed.length).toBeGreaterThan(0);
      expect(await rows(`select round(sum(cost) * 100)::bigint as cost, round(sum(margin) * 100)::bigint as margin, count(*)::int as n
                           from fact_sales_lines where source = 'pos' and cost_source = 'total_cost'`))
        .toEqual([{ cost: cents(computed.map((l) => l.total_cost)), margin: cents(computed.map((l) => l.price_subtotal)) - cents(computed.map((l) => l.total_cost)), n: computed.length }]);
      expect(await rows(`select count(*)::int as n from fact_sales_lines where source = 'pos' and cost_source is distinct from 'total_cost' and cost_source <> 'current_cost'`)).toEqual([{ n: 0 }]);
    });
  });
}
