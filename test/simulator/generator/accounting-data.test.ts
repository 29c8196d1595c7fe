import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator/server.ts';
import { SIM_NOW } from '../../support/odoo.ts';

/**
 * The generated accounting read back through the simulator's JSON-RPC API, as
 * the extractor reads it: every invariant Odoo keeps between entries, lines,
 * payments and reconciliations. Ages are counted from SIM_NOW, the clock the
 * data was generated at, never from the machine's date.
 */

type Row = Record<string, any>;

async function searchRead(sim: Simulator, model: string, fields: string[], domain: unknown[] = []): Promise<Row[]> {
  const response = await fetch(`${sim.url}/jsonrpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0', id: 1, method: 'call',
      params: { service: 'object', method: 'execute_kw', args: [sim.db, 2, 'admin', model, 'search_read', [domain], { fields, context: { active_test: false } }] },
    }),
  });
  const body = (await response.json()) as { result?: Row[]; error?: unknown };
  if (!body.result) throw new Error(`${model}: ${JSON.stringify(body.error)}`);
  return body.result;
}

const cents = (x: number): number => Math.round(x * 100);
const id = (value: unknown): number | false => (Array.isArray(value) ? (value[0] as number) : false);
const DAY = 86_400_000;
const INVOICES = ['out_invoice', 'out_refund', 'in_invoice', 'in_refund'];

interface Data {
  moves: Row[];
  lines: Row[];
  linesOf: Map<number, Row[]>;
  payments: Row[];
  partials: Row[];
}

async function load(sim: Simulator): Promise<Data> {
  const moves = await searchRead(sim, 'account.move', [
    'name', 'ref', 'move_type', 'state', 'payment_state', 'date', 'invoice_date', 'invoice_date_due', 'partner_id', 'currency_id',
    'journal_id', 'amount_untaxed', 'amount_tax', 'amount_total', 'amount_residual', 'amount_untaxed_signed', 'amount_tax_signed',
    'amount_total_signed', 'amount_total_in_currency_signed', 'amount_residual_signed', 'invoice_origin', 'reversed_entry_id',
    'line_ids', 'invoice_line_ids',
  ]);
  const lines = await searchRead(sim, 'account.move.line', [
    'move_id', 'move_name', 'parent_state', 'account_id', 'account_type', 'display_type', 'debit', 'credit', 'balance', 'amount_currency',
    'currency_id', 'amount_residual', 'amount_residual_currency', 'reconciled', 'full_reconcile_id', 'matching_number', 'date_maturity',
    'is_account_reconcile', 'sale_line_ids', 'price_subtotal',
  ]);
  const linesOf = new Map<number, Row[]>();
  for (const line of lines) {
    const list = linesOf.get(id(line.move_id) as number) ?? [];
    list.push(line);
    linesOf.set(id(line.move_id) as number, list);
  }
  const payments = await searchRead(sim, 'account.payment', [
    'name', 'move_id', 'payment_type', 'partner_type', 'amount', 'amount_company_currency_signed', 'currency_id', 'date', 'state',
    'partner_id', 'journal_id', 'is_reconciled', 'is_matched',
  ]);
  const partials = await searchRead(sim, 'account.partial.reconcile', ['debit_move_id', 'credit_move_id', 'amount', 'full_reconcile_id']);
  return { moves, lines, linesOf, payments, partials };
}

const termLines = (data: Data, move: Row): Row[] =>
  data.linesOf.get(move.id)!.filter((l) => l.account_type === 'asset_receivable' || l.account_type === 'liability_payable');

describe.each([17, 19])('generated accounting, Odoo %i, scale 1', (version) => {
  let sim: Simulator;
  let data: Data;

  beforeAll(async () => {
    sim = await startSimulator({ now: SIM_NOW, version, scale: 1, seed: 42 });
    data = await load(sim);
  });

  afterAll(async () => {
    await sim.close();
  });

  it('has a few hundred entries of every kind', () => {
    const count = (type: string, state = 'posted'): number => data.moves.filter((m) => m.move_type === type && m.state === state).length;
    expect(count('out_invoice')).toBeGreaterThan(80);
    expect(count('in_invoice')).toBeGreaterThan(30);
    expect(count('out_refund')).toBeGreaterThan(2);
    expect(count('in_refund')).toBeGreaterThan(0);
    expect(count('entry')).toBeGreaterThan(100);
    expect(count('out_invoice', 'draft') + count('in_invoice', 'draft')).toBeGreaterThan(2);
    expect(count('out_invoice', 'cancel')).toBeGreaterThan(0);
    expect(data.moves.length).toBeLessThan(600);
    expect(data.lines.length).toBeLessThan(3000);
    expect(data.moves.some((m) => m.currency_id[1] === 'USD' && m.state === 'posted' && m.move_type === 'out_invoice')).toBe(true);
  });

  it('balances every entry to the cent, with balance = debit - credit on every line', () => {
    for (const move of data.moves) {
      const lines = data.linesOf.get(move.id) ?? [];
      if (move.move_type !== 'entry' || move.state !== 'draft') expect(lines.length, move.name).toBeGreaterThan(1);
      let debit = 0;
      let credit = 0;
      for (const line of lines) {
        expect(line.debit >= 0 && line.credit >= 0 && (line.debit === 0 || line.credit === 0), `${move.name} line ${line.id}`).toBe(true);
        expect(cents(line.balance), `${move.name} line ${line.id}`).toBe(cents(line.debit) - cents(line.credit));
        expect(line.parent_state).toBe(move.state);
        debit += cents(line.debit);
        credit += cents(line.credit);
      }
      expect(debit, `${move.name} (${move.id})`).toBe(credit);
    }
  });

  it('signs the amounts as Odoo does: customer invoices and vendor credit notes positive, the others negative', () => {
    const sums = new Map<string, number>();
    for (const move of data.moves.filter((m) => m.state === 'posted')) {
      sums.set(move.move_type, (sums.get(move.move_type) ?? 0) + move.amount_total_signed);
      if (!INVOICES.includes(move.move_type)) continue;
      const sign = move.move_type === 'out_invoice' || move.move_type === 'in_refund' ? 1 : -1;
      expect(move.amount_total, move.name).toBeGreaterThan(0);
      expect(Math.sign(move.amount_total_signed), move.name).toBe(sign);
      expect(Math.sign(move.amount_total_in_currency_signed), move.name).toBe(sign);
      expect(cents(move.amount_untaxed_signed) + cents(move.amount_tax_signed), move.name).toBe(cents(move.amount_total_signed));
      expect(cents(move.amount_untaxed) + cents(move.amount_tax), move.name).toBe(cents(move.amount_total));
      if (move.currency_id[1] === 'EUR') expect(cents(move.amount_total_signed), move.name).toBe(sign * cents(move.amount_total));
      // the company-currency total is what the receivable/payable line holds
      expect(cents(termLines(data, move).reduce((s, l) => s + l.balance, 0)), move.name).toBe(cents(move.amount_total_signed));
    }
    expect(sums.get('out_invoice')).toBeGreaterThan(0);
    expect(sums.get('in_refund')).toBeGreaterThan(0);
    expect(sums.get('out_refund')).toBeLessThan(0);
    expect(sums.get('in_invoice')).toBeLessThan(0);
    expect(sums.get('entry')).toBeGreaterThan(0);
  });

  it('keeps what is due on each invoice equal to what its receivable/payable lines still owe', () => {
    for (const move of data.moves.filter((m) => INVOICES.includes(m.move_type) && m.state === 'posted')) {
      const terms = termLines(data, move);
      expect(terms.length, move.name).toBeGreaterThan(0);
      expect(cents(terms.reduce((s, l) => s + l.amount_residual, 0)), move.name).toBe(cents(move.amount_residual_signed));
      expect(Math.abs(cents(terms.reduce((s, l) => s + l.amount_residual_currency, 0))), move.name).toBe(cents(move.amount_residual));
      // settled in its currency, settled in euros: no cent left over (Odoo would book an exchange difference)
      if (move.amount_residual === 0) expect(move.amount_residual_signed, move.name).toBe(0);
    }
  });

  it('gives each posted invoice the payment state its residual says', () => {
    const states = new Set<string>();
    for (const move of data.moves.filter((m) => INVOICES.includes(m.move_type))) {
      states.add(move.payment_state);
      const due = cents(move.amount_residual);
      const total = cents(move.amount_total);
      if (move.state !== 'posted') expect(move.payment_state, move.name).toBe('not_paid');
      else if (move.payment_state === 'paid' || move.payment_state === 'reversed') expect(due, move.name).toBe(0);
      else if (move.payment_state === 'not_paid') expect(due, move.name).toBe(total);
      else if (move.payment_state === 'partial') expect(due > 0 && due < total, move.name).toBe(true);
      else throw new Error(`${move.name}: payment state ${move.payment_state}`);
      if (move.payment_state === 'reversed') {
        expect(data.moves.some((r) => id(r.reversed_entry_id) === move.id && r.state === 'posted'), move.name).toBe(true);
      }
    }
    expect([...states].sort()).toEqual(['not_paid', 'paid', 'partial', 'reversed']);
  });

  it('leaves open customer invoices in every aging bucket, counted from the simulator clock', () => {
    const buckets = new Map<string, number>();
    for (const move of data.moves.filter((m) => m.move_type === 'out_invoice' && m.state === 'posted' && m.amount_residual > 0)) {
      const overdue = Math.floor((SIM_NOW.getTime() - Date.parse(`${move.invoice_date_due}T00:00:00Z`)) / DAY);
      const bucket = overdue <= 0 ? 'current' : overdue <= 30 ? '1-30' : overdue <= 60 ? '31-60' : overdue <= 90 ? '61-90' : '90+';
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
    }
    expect([...buckets.keys()].sort()).toEqual(['1-30', '31-60', '61-90', '90+', 'current']);
  });

  it('reconciles lines consistently: residuals, reconciled flags and matching numbers agree with the partials', () => {
    const lineById = new Map(data.lines.map((l) => [l.id, l]));
    const matched = new Map<number, number>(); // line -> amount matched (debit side positive)
    for (const p of data.partials) {
      expect(p.amount).toBeGreaterThan(0);
      matched.set(id(p.debit_move_id) as number, (matched.get(id(p.debit_move_id) as number) ?? 0) + cents(p.amount));
      matched.set(id(p.credit_move_id) as number, (matched.get(id(p.credit_move_id) as number) ?? 0) - cents(p.amount));
      expect(lineById.get(id(p.debit_move_id) as number)!.balance).toBeGreaterThan(0);
      expect(lineById.get(id(p.credit_move_id) as number)!.balance).toBeLessThan(0);
    }
    for (const line of data.lines) {
      if (!line.is_account_reconcile && line.account_type !== 'asset_cash') {
        expect(line.amount_residual, `line ${line.id}`).toBe(0);
        expect(line.reconciled).toBe(false);
        continue;
      }
      expect(cents(line.amount_residual), `line ${line.id}`).toBe(cents(line.balance) - (matched.get(line.id) ?? 0));
      expect(line.reconciled, `line ${line.id}`).toBe(line.amount_residual === 0 && line.amount_residual_currency === 0);
      if (line.full_reconcile_id) expect(line.matching_number).toBe(String(line.full_reconcile_id[0]));
      else if (matched.has(line.id)) expect(line.matching_number).toMatch(/^P\d+$/);
      else expect(line.matching_number).toBe(false);
      if (line.full_reconcile_id) expect(line.amount_residual).toBe(0);
    }
    expect(data.lines.some((l) => typeof l.matching_number === 'string' && l.matching_number.startsWith('P'))).toBe(true);
  });

  it('makes each payment an entry on a bank or cash journal, signed by its direction', () => {
    const moveById = new Map(data.moves.map((m) => [m.id, m]));
    const lineById = new Map(data.lines.map((l) => [l.id, l]));
    for (const payment of data.payments) {
      const move = moveById.get(id(payment.move_id) as number)!;
      expect(move.move_type).toBe('entry');
      expect(payment.name).toBe(move.name);
      expect(payment.name).toMatch(/^P(BNK|CSH)\d\/\d{4}\/\d{5}$/);
      expect(Math.sign(payment.amount_company_currency_signed)).toBe(payment.payment_type === 'inbound' ? 1 : -1);
      expect(payment.is_matched).toBe(false);
      const counterpart = data.linesOf.get(move.id)!.find((l) => l.account_type === 'asset_receivable' || l.account_type === 'liability_payable')!;
      expect(payment.is_reconciled).toBe(counterpart.amount_residual === 0);
      if (version < 18) {
        expect(payment.state).toBe('posted'); // the move's
        continue;
      }
      // from 18 a payment is in process until its invoices are paid (nothing is matched with a bank statement here)
      const invoices = data.partials
        .filter((p) => id(p.debit_move_id) === counterpart.id || id(p.credit_move_id) === counterpart.id)
        .map((p) => moveById.get(id(lineById.get(id(id(p.debit_move_id) === counterpart.id ? p.credit_move_id : p.debit_move_id) as number)!.move_id) as number)!);
      expect(payment.state, payment.name).toBe(invoices.length && invoices.every((m) => m.payment_state === 'paid') ? 'paid' : 'in_process');
    }
    expect(data.payments.some((p) => p.payment_type === 'outbound' && p.partner_type === 'supplier')).toBe(true);
    expect(data.payments.some((p) => !p.is_reconciled)).toBe(true);
  });

  it('numbers posted entries per journal and leaves drafts unnumbered', () => {
    const names = new Set<string>();
    for (const move of data.moves) {
      if (move.state === 'draft') {
        expect(move.name).toBe(version >= 18 ? false : '/');
        continue;
      }
      expect(move.name).toMatch(/^R?(INV\/\d{4}\/\d{5}|BILL\/\d{4}\/\d\d\/\d{4})$|^P?(BNK\d|CSH\d)\/\d{4}\/\d{5}$|^MISC\/\d{4}\/\d\d\/\d{4}$/);
      expect(names.has(move.name), move.name).toBe(false);
      names.add(move.name);
    }
  });

  it('invoices sale orders for what they say was invoiced', async () => {
    const orders = new Map((await searchRead(sim, 'sale.order', ['name', 'amount_untaxed', 'invoice_status'])).map((o) => [o.name, o]));
    const fromOrders = data.moves.filter((m) => m.move_type === 'out_invoice' && m.state === 'posted' && m.invoice_origin);
    expect(fromOrders.length).toBeGreaterThan(50);
    for (const move of fromOrders) {
      const order = orders.get(move.invoice_origin)!;
      expect(order.invoice_status, move.name).toBe('invoiced');
      expect(move.amount_untaxed, move.name).toBe(order.amount_untaxed);
      // invoice_line_ids: the product (and section) lines, not the tax and receivable ones
      const invoiceLines = new Set(move.invoice_line_ids);
      for (const line of data.linesOf.get(move.id)!) {
        expect(invoiceLines.has(line.id), `line ${line.id}`).toBe(line.display_type === 'product' || line.display_type === 'line_section');
      }
    }
  });
});
