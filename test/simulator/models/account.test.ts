import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retailModels } from '../../../src/simulator/models/catalog.ts';
import type { ModelDef } from '../../../src/simulator/model-def.ts';
import { startSimulator, type Simulator } from '../../../src/simulator/server.ts';
import { SIM_NOW } from '../../support/odoo.ts';

function byName(version: number): Map<string, ModelDef> {
  return new Map(retailModels({ version }).map((d) => [d.name, d]));
}

describe('accounting models, as Odoo 17 and 19 define them', () => {
  const v17 = byName(17);
  const v19 = byName(19);

  it('keeps the sources\' _order', () => {
    expect(v17.get('account.move')!.order).toBe('date desc, name desc, invoice_date desc, id desc');
    expect(v17.get('account.move.line')!.order).toBe('date desc, move_name desc, id');
    expect(v17.get('account.account')!.order).toBe('code, company_id');
    expect(v19.get('account.account')!.order).toBe('code, placeholder_code');
    expect(v17.get('account.journal')!.order).toBe('sequence, type, code');
    expect(v17.get('account.payment')!.order).toBe('date desc, name desc');
    expect(v17.get('res.currency.rate')!.order).toBe('name desc');
    expect(v19.get('res.currency.rate')!.order).toBe('name desc, id');
  });

  it('stores the amounts and states, and reads the related ones through their path', () => {
    const move = v17.get('account.move')!.fields;
    for (const name of ['amount_total', 'amount_residual', 'amount_total_signed', 'amount_residual_signed', 'payment_state', 'invoice_date_due']) {
      expect(move[name]!.store, name).toBeUndefined();
    }
    expect(move.company_currency_id).toMatchObject({ store: false, related: ['company_id', 'currency_id'] });
    expect(move.invoice_line_ids).toMatchObject({ type: 'one2many', relation: 'account.move.line', relationField: 'move_id' });
    const line = v17.get('account.move.line')!.fields;
    // related to the account and not stored (unlike move_name, date, parent_state, journal_id: stored related to the move)
    expect(line.account_type).toMatchObject({ store: false, related: ['account_id', 'account_type'] });
    expect(line.parent_state!.store).toBeUndefined();
    expect(line.display_type!.selection!.map(([k]) => k)).toEqual([
      'product', 'cogs', 'tax', 'discount', 'rounding', 'payment_term', 'line_section', 'line_note', 'epd',
    ]);
    expect(v17.get('account.account')!.fields.account_type!.selection).toHaveLength(18);
    expect(v19.get('account.account')!.fields.account_type!.selection!.map(([k]) => k)).toContain('expense_other');
  });

  it('lets a 17 payment read its move\'s name, date and state, and gives a 19 payment its own', () => {
    const p17 = v17.get('account.payment')!.fields;
    for (const name of ['name', 'date', 'state', 'journal_id', 'company_id']) {
      expect(p17[name], name).toMatchObject({ store: false, inherited: true, related: ['move_id', name] });
    }
    expect(p17.state!.selection).toEqual([['draft', 'Draft'], ['posted', 'Posted'], ['cancel', 'Cancelled']]);
    const p19 = v19.get('account.payment')!.fields;
    for (const name of ['name', 'date', 'state', 'journal_id', 'company_id', 'memo']) expect(p19[name]!.store, name).toBeUndefined();
    expect(p19.state!.selection!.map(([k]) => k)).toEqual(['draft', 'in_process', 'paid', 'canceled', 'rejected']);
    expect(p19.move_id!.required).toBeUndefined();
    expect(p19.invoice_ids).toMatchObject({ type: 'many2many', relation: 'account.move' });
    expect(v19.get('account.move')!.fields.matched_payment_ids).toMatchObject({ type: 'many2many', relation: 'account.payment' });
    expect(v19.get('account.move')!.fields.origin_payment_id).toMatchObject({ type: 'many2one', relation: 'account.payment' });
    expect(v19.get('account.move')!.fields.payment_id).toBeUndefined();
  });

  it('shares 19 accounts between companies, archives instead of deprecating, and computes the code', () => {
    const a17 = v17.get('account.account')!.fields;
    const a19 = v19.get('account.account')!.fields;
    expect(a17.company_id!.required).toBe(true);
    expect(a17.deprecated!.type).toBe('boolean');
    expect(a19.company_id).toBeUndefined();
    expect(a19.deprecated).toBeUndefined();
    expect(a19.company_ids).toMatchObject({ type: 'many2many', relation: 'res.company', required: true });
    expect(a19.active!.type).toBe('boolean');
    expect(a19.code!.store).toBe(false);
    expect(a19.code_store!.store).toBeUndefined();
    expect(v19.get('account.journal')!.fields.type!.selection!.map(([k]) => k)).toEqual(['sale', 'purchase', 'cash', 'bank', 'credit', 'general']);
  });
});

describe.each([17, 19])('accounting records through the engine, Odoo %i', (version) => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ now: SIM_NOW, version, scale: 0.1, seed: 42 });
  });

  afterAll(async () => {
    await sim.close();
  });

  it('searches invoice_line_ids within its domain: product and section lines only', () => {
    const { store } = sim;
    const invoices = store.search('account.move', [['move_type', '=', 'out_invoice']]);
    expect(store.search('account.move', [['line_ids.display_type', '=', 'tax']]).length).toBeGreaterThan(0);
    expect(store.search('account.move', [['invoice_line_ids.display_type', '=', 'tax']])).toEqual([]);
    expect(store.search('account.move', [['invoice_line_ids.display_type', '=', 'product']])).toEqual(expect.arrayContaining(invoices));
  });

  it('names records as Odoo displays them', () => {
    const { store } = sim;
    const receivable = store.search('account.account', [['account_type', '=', 'asset_receivable']], { order: 'id', limit: 1 })[0]!;
    expect(store.displayName('account.account', receivable)).toBe(version >= 18
      ? 'Customers - Sales of goods or services'
      : '411100 Customers - Sales of goods or services');
    const usdBank = store.search('account.journal', [['code', '=', 'BNK2']])[0]!;
    expect(store.displayName('account.journal', usdBank)).toBe('Bank USD (USD)');
    const draft = store.search('account.move', [['state', '=', 'draft'], ['move_type', '=', 'out_invoice']], { limit: 1 })[0]!;
    expect(store.displayName('account.move', draft)).toBe(version >= 18 ? 'Draft Invoice' : `Draft Invoice (* ${draft})`);
    const payment = store.search('account.payment', [], { limit: 1 })[0]!;
    expect(store.displayName('account.payment', payment)).toMatch(/^P(BNK|CSH)\d\/\d{4}\/\d{5}$/);
  });
});
