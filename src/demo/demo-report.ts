/**
 * What `elt demo` shows of the warehouse it built: every mart with its row
 * count, then a few figures a retailer looks at first (sales by branch and
 * top products over the last 7 days of the simulated Odoo's clock, and what
 * customers owe by age).
 */
import type { Pool } from '../db/pool.ts';

export interface TableCount {
  readonly table: string;
  readonly rows: number;
}

export interface BranchSales {
  readonly branch: string;
  readonly orders: number;
  readonly revenue: number;
}

export interface ProductSales {
  readonly product: string;
  readonly qty: number;
  readonly revenue: number;
}

/** Open receivables summed over partners, by days past due (aging_by_partner). */
export interface ReceivablesByAge {
  readonly asOf: string;
  readonly partners: number;
  /** current, 1-30, 31-60, 61-90, over 90, total. */
  readonly buckets: readonly number[];
}

export interface DemoFigures {
  readonly raw: TableCount[];
  readonly marts: TableCount[];
  readonly branches: BranchSales[];
  readonly products: ProductSales[];
  readonly receivables: ReceivablesByAge | null;
}

const AGE_BUCKETS = ['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_over_90', 'total'] as const;
const AGE_LABELS = ['current', '1-30 days', '31-60', '61-90', 'over 90', 'total'];

/** POS orders that count as sales: paid, posted or invoiced (not drafts, not cancelled). */
const SOLD = `('paid', 'done', 'invoiced')`;
const TOP_PRODUCTS = 5;

/** `now`: Odoo's clock, which the 7 days are counted back from. */
export async function collectFigures(db: Pool, now: Date): Promise<DemoFigures> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = current_schema() and tablename ~ '^(raw|dim|fact)_' order by tablename`,
  );
  const counts: TableCount[] = [];
  for (const { name } of tables) {
    const raw = name.startsWith('raw_') ? ' where deleted_at is null' : '';
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from "${name}"${raw}`);
    counts.push({ table: name, rows: rows[0]!.n });
  }
  const since = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const { rows: branches } = await db.query<{ branch: string; orders: number; revenue: string }>(
    `select coalesce(b.name, 'branch ' || s.branch_id) as branch, count(*)::int as orders, sum(s.amount_total)::numeric(14, 2)::text as revenue
       from fact_sales as s left join dim_branches as b using (branch_id)
      where s.source = 'pos' and s.state in ${SOLD} and s.date_order >= $1
      group by 1 order by sum(s.amount_total) desc, 1`,
    [since],
  );
  const { rows: products } = await db.query<{ product: string; qty: string; revenue: string }>(
    `select coalesce(p.name, 'product ' || l.product_id) as product, sum(l.qty)::text as qty, sum(l.price_subtotal_incl)::numeric(14, 2)::text as revenue
       from fact_sales_lines as l left join dim_products as p using (product_id)
      where l.source = 'pos' and l.order_state in ${SOLD} and l.date_order >= $1 and not coalesce(l.is_reward_line, false)
      group by 1 order by sum(l.price_subtotal_incl) desc, 1 limit ${TOP_PRODUCTS}`,
    [since],
  );
  const { rows: aging } = await db.query<Record<string, string | null>>(
    `select as_of::text, count(*)::text as partners, ${AGE_BUCKETS.map((b) => `coalesce(sum(${b}), 0)::numeric(14, 2)::text as ${b}`).join(', ')}
       from aging_by_partner where kind = 'receivable' group by as_of`,
  );
  const age = aging[0];
  return {
    receivables: age ? { asOf: age.as_of!, partners: Number(age.partners), buckets: AGE_BUCKETS.map((b) => Number(age[b])) } : null,
    raw: counts.filter((c) => c.table.startsWith('raw_')),
    marts: counts.filter((c) => !c.table.startsWith('raw_')),
    branches: branches.map((r) => ({ branch: r.branch, orders: r.orders, revenue: Number(r.revenue) })),
    products: products.map((r) => ({ product: r.product, qty: Number(r.qty), revenue: Number(r.revenue) })),
  };
}

/** The tables in two columns, then the figures, as printed by `elt demo`. */
export function formatFigures(figures: DemoFigures): string {
  const rawRows = figures.raw.reduce((sum, t) => sum + t.rows, 0);
  const lines = [`Warehouse: ${figures.raw.length} raw tables (${int(rawRows)} rows) and these tables built from them:`];
  const width = Math.max(...figures.marts.map((t) => t.table.length));
  const cells = figures.marts.map((t) => `${t.table.padEnd(width)}  ${int(t.rows).padStart(6)}`);
  const half = Math.ceil(cells.length / 2);
  for (let i = 0; i < half; i++) lines.push(`  ${cells[i]}${cells[i + half] ? `    ${cells[i + half]}` : ''}`);
  lines.push('', 'POS sales by branch, last 7 days:');
  lines.push(...columns([['branch', 'orders', 'revenue'], ...figures.branches.map((b) => [b.branch, int(b.orders), money(b.revenue)])]));
  lines.push('', `Top ${TOP_PRODUCTS} products in the POS, last 7 days:`);
  lines.push(...columns([['product', 'qty', 'revenue'], ...figures.products.map((p) => [p.product, int(p.qty), money(p.revenue)])]));
  const owed = figures.receivables;
  if (owed) {
    lines.push('', `Receivables by days past due, ${int(owed.partners)} customers, as of ${owed.asOf}:`);
    lines.push(...columns([AGE_LABELS, owed.buckets.map(money)], 0));
  }
  return lines.join('\n');
}

/** The first `left` columns left-aligned (one by default), the others right-aligned, indented by two. */
function columns(rows: string[][], left = 1): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => `  ${r.map((v, c) => (c < left ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ')}`);
}

function int(n: number): string {
  return n.toLocaleString('en-US');
}

function money(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
