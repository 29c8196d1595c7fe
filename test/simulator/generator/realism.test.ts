import { describe, it, expect } from 'vitest';
import { generate, groupBy, near } from './memory-sink.ts';

const full = generate({ scale: 1, brand: true, posPromotion: true });
const v19 = generate({ version: 19 });

describe('generateRetail amounts', () => {
  const linesByOrder = groupBy(full.all('pos.order.line'), 'order_id');
  const paymentsByOrder = groupBy(full.all('pos.payment'), 'pos_order_id');

  it('computes each POS line from quantity, price, discount and tax', () => {
    const taxes = new Map(full.all('account.tax').map((t) => [t.id, (t.values.amount as number) / 100]));
    for (const { values: l } of full.all('pos.order.line')) {
      const subtotal = (l.qty as number) * (l.price_unit as number) * (1 - (l.discount as number) / 100);
      expect(near(l.price_subtotal as number, subtotal), `subtotal ${l.name}`).toBe(true);
      const rate = taxes.get((l.tax_ids as number[])[0]!)!;
      expect(near(l.price_subtotal_incl as number, (l.price_subtotal as number) * (1 + rate)), `incl ${l.name}`).toBe(true);
    }
  });

  it('makes each POS order total the sum of its lines, and its payments the total', () => {
    let checked = 0;
    for (const order of full.all('pos.order')) {
      const lines = linesByOrder.get(order.id) ?? [];
      expect(lines.length).toBeGreaterThan(0);
      const incl = lines.reduce((s, l) => s + (l.values.price_subtotal_incl as number), 0);
      const excl = lines.reduce((s, l) => s + (l.values.price_subtotal as number), 0);
      const o = order.values;
      expect(near(o.amount_total as number, incl), `total ${o.name}`).toBe(true);
      expect(near(o.amount_tax as number, incl - excl), `tax ${o.name}`).toBe(true);
      if (o.state === 'cancel') continue;
      const paid = (paymentsByOrder.get(order.id) ?? []).reduce((s, p) => s + (p.values.amount as number), 0);
      expect(near(paid, o.amount_total as number), `payments ${o.name}`).toBe(true);
      expect(near((o.amount_paid as number) - (o.amount_return as number), o.amount_total as number)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(1400);
  });

  it('gives change back in cash as a negative is_change payment', () => {
    const change = full.all('pos.payment').filter((p) => p.values.is_change === true);
    expect(change.length).toBeGreaterThan(50);
    for (const p of change) {
      expect(p.values.amount as number).toBeLessThan(0);
      expect(p.values.name).toBe('return');
      const order = full.get('pos.order', p.values.pos_order_id as number)!.values;
      expect(near(order.amount_return as number, -(p.values.amount as number))).toBe(true);
    }
  });

  it('totals sale and purchase orders from their lines', () => {
    for (const [orders, lineModel] of [['sale.order', 'sale.order.line'], ['purchase.order', 'purchase.order.line']] as const) {
      const byOrder = groupBy(full.all(lineModel), 'order_id');
      for (const order of full.all(orders)) {
        const lines = byOrder.get(order.id) ?? [];
        const total = lines.reduce((s, l) => s + (l.values.price_total as number), 0);
        const untaxed = lines.reduce((s, l) => s + (l.values.price_subtotal as number), 0);
        expect(near(order.values.amount_total as number, total), `${orders} ${order.values.name}`).toBe(true);
        expect(near(order.values.amount_untaxed as number, untaxed)).toBe(true);
      }
    }
  });

  it('refunds earlier lines with a negative quantity', () => {
    const refunds = full.all('pos.order.line').filter((l) => (l.values.qty as number) < 0);
    expect(refunds.length).toBeGreaterThan(5);
    for (const r of refunds) {
      const original = full.get('pos.order.line', r.values.refunded_orderline_id as number)!;
      expect(original.id).toBeLessThan(r.id);
      expect(original.values.product_id).toBe(r.values.product_id);
      expect(r.values.qty).toBe(-(original.values.qty as number));
      expect(r.values.name).toBe(`${String(original.values.name)} REFUND`);
      expect(full.get('pos.order', r.values.order_id as number)!.values.name as string).toMatch(/ REFUND$/);
    }
  });

  it('has discounts and loyalty reward lines', () => {
    const lines = full.all('pos.order.line').map((l) => l.values);
    expect(lines.filter((l) => (l.discount as number) > 0).length).toBeGreaterThan(100);
    const rewards = lines.filter((l) => l.is_reward_line === true);
    expect(rewards.length).toBeGreaterThan(10);
    for (const l of rewards) {
      const reward = full.get('loyalty.reward', l.reward_id as number)!;
      expect(l.product_id).toBe(reward.values.discount_line_product_id);
      expect(l.price_unit as number).toBeLessThan(0);
    }
  });
});

describe('generateRetail realism', () => {
  it('archives records where Odoo has an active flag', () => {
    for (const model of ['product.template', 'product.product', 'res.partner', 'res.users', 'hr.employee', 'hr.department',
      'stock.location', 'pos.config', 'pos.payment.method', 'loyalty.program', 'res.currency', 'account.tax', 'hr.job']) {
      expect(full.all(model).some((r) => r.values.active === false), model).toBe(true);
      expect(full.all(model).some((r) => r.values.active === true), model).toBe(true);
    }
  });

  it('has accents, ß, Chinese and emoji in names', () => {
    const names = [...full.all('res.partner'), ...full.all('product.template')].map((r) => String(r.values.name));
    expect(names.some((n) => /[éèà]/.test(n))).toBe(true);
    expect(names.some((n) => n.includes('ß'))).toBe(true);
    expect(names.some((n) => /\p{Script=Han}/u.test(n))).toBe(true);
    expect(names.some((n) => /\p{Extended_Pictographic}/u.test(n))).toBe(true);
  });

  it('leaves optional fields empty (false) on some records', () => {
    const partners = full.all('res.partner').map((r) => r.values);
    expect(partners.some((p) => p.email === false)).toBe(true);
    expect(partners.some((p) => p.name === false && p.type === 'delivery')).toBe(true);
    expect(full.all('pos.order').some((o) => o.values.partner_id === false)).toBe(true);
  });

  it('gives partners in a country whose states Odoo loads their state (about one in six), none elsewhere', () => {
    const partners = full.all('res.partner').map((r) => r.values);
    const withState = partners.filter((p) => p.state_id !== false);
    expect(withState.length).toBeGreaterThan(partners.length / 10);
    expect(withState.length).toBeLessThan(partners.length / 4);
    for (const p of withState) expect(full.get('res.country.state', p.state_id as number)!.values.country_id, String(p.name)).toBe(p.country_id);
    const france = full.all('res.country').find((c) => c.values.code === 'FR')!.id;
    expect(partners.filter((p) => p.country_id === france).every((p) => p.state_id === false)).toBe(true);
  });

  it('keeps write_date >= create_date, both at or before now', () => {
    const now = '2025-03-15 12:34:56';
    for (const sink of [full, v19]) {
      for (const [model, rows] of sink.rows) {
        for (const row of rows) {
          const { createDate, writeDate } = row.magic;
          expect(createDate, model).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$/);
          expect(writeDate! >= createDate!, `${model} ${row.id}`).toBe(true);
          expect(writeDate! <= `${now}.000000`, `${model} ${row.id} ${writeDate}`).toBe(true);
        }
      }
    }
  });

  it('spreads POS orders over the 90 days before now, inside their session', () => {
    const dates = full.all('pos.order').map((o) => String(o.values.date_order));
    expect(dates.every((d) => d >= '2024-12-15 12:34:56' && d <= '2025-03-15 12:34:56')).toBe(true);
    expect(dates.some((d) => d < '2024-12-25')).toBe(true);
    expect(dates.some((d) => d >= '2025-03-10')).toBe(true);
    for (const o of full.all('pos.order').slice(0, 200)) {
      const session = full.get('pos.session', o.values.session_id as number)!.values;
      expect(o.values.config_id).toBe(session.config_id);
      expect(String(o.values.date_order) >= String(session.start_at)).toBe(true);
      if (session.stop_at !== false) expect(String(o.values.date_order) <= String(session.stop_at)).toBe(true);
    }
  });

  it('leaves today\'s sessions open, older ones closed', () => {
    const sessions = full.all('pos.session').map((s) => s.values);
    expect(sessions.filter((s) => s.state === 'opened').every((s) => s.stop_at === false && String(s.start_at) >= '2025-03-15')).toBe(true);
    expect(sessions.filter((s) => s.state === 'opened').length).toBe(3);
    expect(sessions.filter((s) => s.state === 'closed').length).toBe(sessions.length - 3);
  });
});
