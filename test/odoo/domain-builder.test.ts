/** The fluent domain builder: the lists it builds, Odoo's AND/OR/NOT semantics, and that it never changes a shared base. */
import { describe, expect, it } from 'vitest';
import { domainOf, DomainBuilder } from '../../src/odoo/domain-builder.ts';
import { normalizeDomain, parseDomain } from '../../src/odoo/domain.ts';
import type { OdooRecord } from '../../src/odoo/client.ts';

interface Order {
  state: string;
  amount_total: number;
  config_id: number;
  date_order: string;
  partner_id: number | false;
}

describe('domainOf', () => {
  it('puts conditions side by side, which Odoo ANDs', () => {
    const domain = domainOf<Order>().equals('state', 'paid').greaterThan('amount_total', 100).in('config_id', [1, 2]).build();
    expect(domain).toEqual([
      ['state', '=', 'paid'],
      ['amount_total', '>', 100],
      ['config_id', 'in', [1, 2]],
    ]);
  });

  it('matches everything when empty', () => {
    expect(domainOf().build()).toEqual([]);
  });

  it('gives each operator its Odoo spelling', () => {
    const domain = domainOf<Order>()
      .notEquals('state', 'cancel')
      .greaterOrEqual('amount_total', 1)
      .lessThan('amount_total', 9)
      .lessOrEqual('amount_total', 8)
      .notIn('state', ['draft'])
      .like('state', 'pa')
      .ilike('partner_id.name', 'ACME')
      .notIlike('partner_id.email', 'test')
      .isSet('partner_id')
      .isNotSet('date_order')
      .childOf('config_id', 3)
      .where('state', '=like', 'p%')
      .build();
    expect(domain.map((leaf) => (leaf as readonly unknown[])[1])).toEqual(['!=', '>=', '<', '<=', 'not in', 'like', 'ilike', 'not ilike', '!=', '=', 'child_of', '=like']);
    expect(domain[8]).toEqual(['partner_id', '!=', false]);
    expect(domain[10]).toEqual(['config_id', 'child_of', 3]);
  });

  it('writes a half-open range with between', () => {
    expect(domainOf<Order>().between('date_order', '2026-12-01 00:00:00', '2026-12-02 00:00:00').build()).toEqual([
      ['date_order', '>=', '2026-12-01 00:00:00'],
      ['date_order', '<', '2026-12-02 00:00:00'],
    ]);
  });

  it('adds an OR group, a NOT and another domain, each a valid whole', () => {
    const paidOrDone = domainOf<Order>().or(domainOf<Order>().equals('state', 'paid'), [['state', '=', 'done']]);
    const domain = paidOrDone.not([['config_id', '=', 1], ['amount_total', '<', 0]]).and([['partner_id', '!=', false]]).build();
    expect(domain).toEqual([
      '|', ['state', '=', 'paid'], ['state', '=', 'done'],
      '!', '&', ['config_id', '=', 1], ['amount_total', '<', 0],
      ['partner_id', '!=', false],
    ]);
    // Three top-level expressions, each operator with its operands: what Odoo's own parser accepts.
    expect(parseDomain(domain, 'test')).toEqual(domain);
    expect(normalizeDomain(domain).slice(0, 2)).toEqual(['&', '&']);
  });

  it('or() of nothing matches nothing; an empty alternative matches everything', () => {
    expect(domainOf().or().build()).toEqual([['id', 'in', []]]);
    expect(domainOf().equals('state', 'paid').or([], [['state', '=', 'done']]).build()).toEqual([['state', '=', 'paid']]);
  });

  it('never changes the builder it extends', () => {
    const base = domainOf<Order>().equals('state', 'paid');
    const big = base.greaterThan('amount_total', 100);
    const small = base.lessThan('amount_total', 10);
    expect(base.build()).toEqual([['state', '=', 'paid']]);
    expect(big.build()).toHaveLength(2);
    expect(small.build()[1]).toEqual(['amount_total', '<', 10]);
    expect(new DomainBuilder([['id', '=', 1]]).build()).toEqual([['id', '=', 1]]);
  });
});

describe('field names', () => {
  it('are checked against the record type, even one extending OdooRecord (npm run typecheck fails on an unused directive)', () => {
    interface Line extends OdooRecord {
      qty: number;
    }
    const line = domainOf<Line>().greaterThan('qty', 0).equals('order_id.state', 'paid');
    // @ts-expect-error: Line declares no `qyt`
    line.equals('qyt', 1);
    // Any name when the type declares none.
    expect(domainOf().equals('anything', 1).build()).toEqual([['anything', '=', 1]]);
    expect(line.build()).toHaveLength(2);
  });
});
