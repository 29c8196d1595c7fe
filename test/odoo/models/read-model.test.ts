/** What every helper does alike: option checks before any request, fields, limit, the record types. */
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { OdooClient } from '../../../src/odoo/client.ts';
import { employees } from '../../../src/odoo/models/employees.ts';
import type { Many2one } from '../../../src/odoo/models/field-values.ts';
import { partners } from '../../../src/odoo/models/partners.ts';
import { posConfigs, posOrderLines, posOrders, type PosOrder } from '../../../src/odoo/models/pos.ts';
import { products } from '../../../src/odoo/models/products.ts';
import { promotionRewards, promotions } from '../../../src/odoo/models/promotions.ts';
import { QueryOptionsError } from '../../../src/odoo/models/query-checks.ts';
import { stockQuants } from '../../../src/odoo/models/stock.ts';
import { collect, ids, simulatedOdoo, VERSIONS } from '../../support/simulated-odoo.ts';

type Archivable = (odoo: OdooClient, query: { includeArchived?: boolean }) => AsyncGenerator<{ id: number; active: boolean }>;

const ARCHIVABLE: ReadonlyArray<[string, Archivable]> = [
  ['pos.config', posConfigs], ['product.product', products], ['res.partner', partners], ['hr.employee', employees],
  ['loyalty.program', promotions], ['loyalty.reward', promotionRewards],
];

describe.each(VERSIONS)('archived records on Odoo %i', (version) => {
  const t = simulatedOdoo(version);
  // the seeded data has archived records of each of these models but rewards
  beforeAll(() => t.sim.write('loyalty.reward', [1], { active: false }));

  it.each(ARCHIVABLE)('%s: hidden, then shown with includeArchived', async (model, helper) => {
    const shown = await collect(helper(t.odoo, {}));
    const all = await collect(helper(t.odoo, { includeArchived: true }));
    expect(shown.length).toBe(await t.odoo.searchCount(model, []));
    expect(all.length).toBe(await t.odoo.searchCount(model, [], { context: { active_test: false } }));
    expect(all.length).toBeGreaterThan(shown.length);
    expect(all.filter((record) => !record.active).length).toBe(all.length - shown.length);
  });
});

describe('model helpers', () => {
  const t = simulatedOdoo(17);

  it.each([
    [() => posOrders(t.odoo, { from: '2026-12-32' }), 'posOrders(): from must be a calendar day as YYYY-MM-DD, got "2026-12-32"'],
    [() => posOrders(t.odoo, { from: '2026-12-06', to: '2026-12-01' }), 'posOrders(): from (2026-12-06) is after to (2026-12-01)'],
    [() => posOrders(t.odoo, { to: '2026-12-06', timeZone: 'Paris' }), 'posOrders(): timeZone must be an IANA time zone such as Europe/Paris, got "Paris"'],
    [() => posOrders(t.odoo, { configIds: [1, 0] }), 'posOrders(): configIds must be a list of record ids (whole numbers above 0)'],
    [() => posOrders(t.odoo, { states: 'paid' as never }), "posOrders(): states must be a list of values such as ['paid', 'done']"],
    [() => posOrders(t.odoo, { form: '2026-12-01' } as never), 'posOrders(): unknown option form; it takes from, to, timeZone, states, configIds, fields, limit, pageSize'],
    [() => posOrders(t.odoo, { includeArchived: true } as never), 'posOrders(): unknown option includeArchived; it takes from, to, timeZone, states, configIds, fields, limit, pageSize'],
    [() => posOrders(t.odoo, { fields: ['name', 'x_note' as never] }), "posOrders(): fields x_note are not among its fields; read those with odoo.iterate('pos.order', ...)"],
    [() => posOrderLines(t.odoo, { orderIds: ['7' as never] }), 'posOrderLines(): orderIds must be a list of record ids (whole numbers above 0)'],
    [() => products(t.odoo, { limit: -1 }), 'products(): limit must be a whole number of 0 or more'],
    [() => products(t.odoo, { pageSize: 0 }), 'products(): pageSize must be a whole number of 1 or more'],
    [() => products(t.odoo, { includeArchived: 'yes' as never }), 'products(): includeArchived must be true or false'],
    [() => stockQuants(t.odoo, { internalOnly: 1 as never }), 'stockQuants(): internalOnly must be true or false'],
    [() => promotions(t.odoo, { runningOn: '24/12/2026' }), 'promotions(): runningOn must be a calendar day as YYYY-MM-DD, got "24/12/2026"'],
  ])('%# refuses a bad option when called, before any request', (call, message) => {
    const before = t.sim.calls.length;
    expect(call).toThrow(new QueryOptionsError(message));
    expect(t.sim.calls.length).toBe(before);
  });

  it('limit 0 reads nothing; an empty list of ids matches nothing', async () => {
    const before = t.sim.calls.length;
    expect(await collect(employees(t.odoo, { limit: 0 }))).toEqual([]);
    expect(t.sim.calls.length).toBe(before);
    expect(await collect(employees(t.odoo, { departmentIds: [] }))).toEqual([]);
  });

  it('a limit asks for no page beyond its records', async () => {
    const searchReads = () => t.sim.calls.filter((c) => c.model === 'product.product' && c.method === 'search_read');
    await collect(products(t.odoo, { limit: 1 })); // fields_get out of the way
    for (const [query, pages] of [[{ limit: 5 }, 1], [{ limit: 120, pageSize: 50 }, 3]] as const) {
      const before = searchReads().length;
      const read = await collect(products(t.odoo, query));
      await new Promise((resolve) => setTimeout(resolve, 50)); // a prefetched page would have been asked by now
      expect(read.length).toBe(query.limit);
      expect(ids(read)).toEqual((await t.odoo.search('product.product', [], { order: 'id', limit: query.limit })));
      expect(searchReads().length - before).toBe(pages);
    }
  });

  it('records are typed: all fields by default, the id and those asked for with fields', () => {
    type Item<G> = G extends AsyncGenerator<infer T> ? T : never;
    expectTypeOf<Item<ReturnType<typeof posOrders>>>().toEqualTypeOf<PosOrder>();
    const some = posOrders(t.odoo, { fields: ['name', 'config_id'] });
    expectTypeOf<Item<typeof some>>().toEqualTypeOf<{ id: number; name: string; config_id: Many2one }>();
  });
});
