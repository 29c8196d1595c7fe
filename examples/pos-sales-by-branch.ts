/**
 * Today's POS sales by branch, straight from Odoo (no warehouse needed):
 * orders paid, posted or invoiced on one local day, summed per shop.
 *
 *   npx tsx examples/pos-sales-by-branch.ts               # today, in the Odoo user's time zone
 *   npx tsx examples/pos-sales-by-branch.ts 2026-12-05    # another day
 *
 * "Today" and the day's bounds are in the Odoo user's own time zone
 * (Preferences > Timezone), as Odoo's POS reports count them; ELT_TIMEZONE
 * overrides it. The Odoo login comes from the variables elt reads (ODOO_URL,
 * ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY), or .env.
 */
import { connect, connectionFromEnv, isConfigurationError, posOrders, userTimeZone } from 'odoo-elt';

try {
  const odoo = await connect(connectionFromEnv());
  const timeZone = process.env.ELT_TIMEZONE || (await userTimeZone(odoo));
  const day = process.argv[2] ?? new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()); // en-CA writes YYYY-MM-DD
  const branches = new Map<string, { orders: number; cents: number }>();
  const orders = posOrders(odoo, { from: day, to: day, timeZone, states: ['paid', 'done', 'invoiced'], fields: ['config_id', 'amount_total'] });
  for await (const order of orders) {
    const branch = order.config_id ? order.config_id[1] : '(no shop)';
    const sums = branches.get(branch) ?? { orders: 0, cents: 0 };
    sums.orders += 1;
    sums.cents += Math.round(order.amount_total * 100); // whole cents: no float drift over thousands of orders
    branches.set(branch, sums);
  }
  const rows = [...branches].sort(([a], [b]) => a.localeCompare(b));
  const all = rows.reduce((sum, [, s]) => ({ orders: sum.orders + s.orders, cents: sum.cents + s.cents }), { orders: 0, cents: 0 });
  const width = Math.max(6, ...rows.map(([name]) => name.length));
  const line = (name: string, s: { orders: number; cents: number }) => `${name.padEnd(width)}  ${String(s.orders).padStart(6)}  ${(s.cents / 100).toFixed(2).padStart(12)}`;
  console.log(`POS sales on ${day} (${timeZone})`);
  console.log(`${'branch'.padEnd(width)}  ${'orders'.padStart(6)}  ${'total'.padStart(12)}`);
  for (const [name, sums] of rows) console.log(line(name, sums));
  console.log(line('all', all));
} catch (error) {
  console.error(`pos-sales-by-branch: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = isConfigurationError(error) ? 2 : 1;
}
