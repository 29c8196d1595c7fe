import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNamedTransport } from '../../src/odoo/choose-transport.ts';
import { OdooClient } from '../../src/odoo/client.ts';
import { OdooServerError } from '../../src/odoo/errors.ts';
import { readGroupCall, type ReadGroupOptions, type ReadGroupRow } from '../../src/odoo/read-group.ts';
import type { TransportName } from '../../src/odoo/transport.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';

const KEY = 'read-group-key-7d1e0c';
const TRANSPORTS: readonly TransportName[] = ['xmlrpc', 'jsonrpc', 'json2'];
let sim: Simulator;
const clients = new Map<TransportName, OdooClient>();

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, version: 19, scale: 0.1, seed: 5, users: [{ login: 'admin', password: 'admin', apiKey: KEY }] });
  for (const name of TRANSPORTS) {
    clients.set(name, await OdooClient.connect({
      transport: createNamedTransport(name, sim.url, 10_000),
      credentials: { url: sim.url, db: sim.db, login: 'admin', secret: KEY },
      retry: { retries: 0 },
    }));
  }
});
afterAll(async () => {
  await sim?.close();
});

const odoo = () => clients.get('jsonrpc')!;
const cents = (n: number) => Math.round(n * 100);
const ALL = { context: { active_test: false } } as const;

/** search_read's own figures per config: count and total in cents. */
async function ordersByConfig(): Promise<Map<number, { count: number; cents: number }>> {
  const orders = await odoo().searchRead('pos.order', [], { fields: ['config_id', 'amount_total'], displayNames: false, ...ALL });
  const out = new Map<number, { count: number; cents: number }>();
  for (const o of orders) {
    const entry = out.get(o.config_id as number) ?? { count: 0, cents: 0 };
    out.set(o.config_id as number, { count: entry.count + 1, cents: entry.cents + cents(o.amount_total as number) });
  }
  return out;
}

describe('OdooClient.readGroup', () => {
  it('counts and sums per many2one group equal those computed from search_read of the same records', async () => {
    const rows = await odoo().readGroup('pos.order', [], { groupBy: ['config_id'], aggregates: ['amount_total:sum'], ...ALL });
    const expected = await ordersByConfig();
    expect(rows.length).toBe(expected.size);
    expect(expected.size).toBeGreaterThan(1);
    for (const row of rows) {
      const value = row.group.config_id as readonly [number, string];
      expect(value).toEqual([value[0], expect.any(String)]);
      expect([row.count, cents(row.aggregates['amount_total:sum'] as number)]).toEqual([expected.get(value[0])!.count, expected.get(value[0])!.cents]);
      expect(row.domain).toEqual([['config_id', '=', value[0]]]);
      expect(row.ranges).toEqual({});
    }
  });

  it('maps the lazy count key (<field>_count) and the eager one (__count) to count', async () => {
    const options: ReadGroupOptions = { groupBy: ['state', 'config_id'], ...ALL };
    const lazy = await odoo().readGroup('pos.order', [], options);
    const eager = await odoo().readGroup('pos.order', [], { ...options, lazy: false });
    expect(lazy.every((r) => Object.keys(r.group).join() === 'state')).toBe(true);
    expect(eager.every((r) => Object.keys(r.group).join() === 'state,config_id')).toBe(true);
    const total = await odoo().searchCount('pos.order', [], ALL);
    expect(lazy.reduce((n, r) => n + r.count, 0)).toBe(total);
    expect(eager.reduce((n, r) => n + r.count, 0)).toBe(total);
    for (const row of lazy) {
      expect(eager.filter((r) => r.group.state === row.group.state).reduce((n, r) => n + r.count, 0)).toBe(row.count);
    }
  });

  it('day groups: a label, UTC bounds, and a domain that finds exactly the group', async () => {
    const rows = await odoo().readGroup('pos.order', [['date_order', '!=', false]], {
      groupBy: ['date_order:day'], aggregates: ['amount_total:sum'], context: { tz: 'Europe/Paris' }, orderBy: 'date_order:day desc', limit: 3,
    });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.group['date_order:day']).toMatch(/^\d{2} [A-Z][a-z]{2} \d{4}$/);
      const range = row.ranges['date_order:day'] as { from: string; to: string };
      expect(range.from < range.to).toBe(true);
      expect(row.domain).toEqual(['&', '&', ['date_order', '!=', false], ['date_order', '>=', range.from], ['date_order', '<', range.to]]);
      expect(await odoo().searchCount('pos.order', row.domain)).toBe(row.count);
      const amounts = await odoo().searchRead('pos.order', row.domain, { fields: ['amount_total'] });
      expect(amounts.reduce((n, o) => n + cents(o.amount_total as number), 0)).toBe(cents(row.aggregates['amount_total:sum'] as number));
    }
    expect(rows[0]!.ranges['date_order:day']).not.toBe(false);
    expect((rows[0]!.ranges['date_order:day'] as { from: string }).from > (rows[1]!.ranges['date_order:day'] as { from: string }).from).toBe(true);
  });

  it('keeps two aggregates of one field apart, orders by one of them, and pages', async () => {
    const options: ReadGroupOptions = { groupBy: ['config_id'], aggregates: ['amount_total:sum', 'amount_total:max', 'amount_total'], orderBy: 'amount_total:sum desc', ...ALL };
    const rows = await odoo().readGroup('pos.order', [], options);
    const sums = rows.map((r) => r.aggregates['amount_total:sum'] as number);
    expect(sums).toEqual([...sums].sort((a, b) => b - a));
    for (const row of rows) {
      expect(row.aggregates['amount_total']).toBe(row.aggregates['amount_total:sum']);
      expect(row.aggregates['amount_total:max']).toBeLessThanOrEqual(row.aggregates['amount_total:sum'] as number);
    }
    const second = await odoo().readGroup('pos.order', [], { ...options, limit: 1, offset: 1 });
    expect(second).toEqual([rows[1]]);
  });

  it('gives identical rows on XML-RPC, JSON-RPC and JSON-2', async () => {
    const options: ReadGroupOptions = {
      groupBy: ['config_id', 'date_order:month'], lazy: false, aggregates: ['amount_total:sum', 'amount_total:avg', 'partner_id:count_distinct', 'date_order:max'],
      context: { tz: 'America/New_York', active_test: false },
    };
    const answers: ReadGroupRow[][] = [];
    for (const name of TRANSPORTS) answers.push(await clients.get(name)!.readGroup('pos.order', [['state', '!=', 'cancel']], options));
    expect(answers[0]!.length).toBeGreaterThan(2);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("reports an unknown field with Odoo's own text on every transport", async () => {
    for (const name of TRANSPORTS) {
      const error = await clients.get(name)!.readGroup('pos.order', [], { groupBy: ['nope'] }).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(OdooServerError);
      expect((error as Error).message, name).toBe("ValueError: Invalid field 'nope' on model 'pos.order'");
    }
  });
});

describe('readGroupCall', () => {
  it('names each aggregate apart, keeps bare fields bare, and puts the order in read_group terms', () => {
    const call = readGroupCall([['state', '=', 'paid']], {
      groupBy: ['date_order:day', 'config_id'], aggregates: ['amount_total:sum', 'amount_total:avg', 'amount_tax', 'date_order_count:sum'],
      orderBy: 'amount_total:avg desc, date_order:day, count desc', limit: 10,
    });
    expect(call.args).toEqual([
      [['state', '=', 'paid']],
      ['amount_total_sum:sum(amount_total)', 'amount_total_avg:avg(amount_total)', 'amount_tax', 'date_order_count_sum:sum(date_order_count)'],
      ['date_order:day', 'config_id'],
    ]);
    expect(call.kwargs).toEqual({ offset: undefined, limit: 10, orderby: 'amount_total_avg desc,date_order,date_order_count desc', lazy: undefined, context: undefined });
    expect(readGroupCall([], { groupBy: ['state'], aggregates: ['state:count'] }).args[1]).toEqual(['state_count_2:count(state)']);
    expect(readGroupCall([], { groupBy: [] }).args[1]).toEqual(['__count']);
    expect(() => readGroupCall([], { groupBy: [], aggregates: ['total:sum(amount_total)'] })).toThrow(RangeError);
    expect(() => readGroupCall([], { groupBy: [], limit: -1 })).toThrow('readGroup: limit must be a whole number of 0 or more, got -1');
  });
});
