/**
 * The SQL of a data test: a SELECT of the failing rows (generic tests are
 * written here from the header entry), wrapped into one query that counts
 * them, counts references to placeholder rows, and returns a sample.
 */
import { quoteIdent } from '../db/identifiers.ts';
import { literal } from './compile.ts';
import type { DataTest } from './model-header.ts';

/** What the warehouse holds for one table or view. */
export interface TableInfo {
  readonly columns: ReadonlySet<string>;
  /** The primary key's columns, empty for a view or a table without one. */
  readonly primaryKey: readonly string[];
}

export interface FailingRows {
  readonly sql: string;
  /** ORDER BY of the sample over the failing rows as `f`, or null to keep the query's own order. */
  readonly order: string | null;
  /** A scalar query: rows that resolve only to a placeholder row, or null. */
  readonly placeholders: string | null;
}

/** `fact_sales_lines.product_id relationships(dim_products.product_id)`, as the header reads. */
export function genericTestName(model: string, test: DataTest): string {
  const head = `${model}.${test.column}`;
  switch (test.kind) {
    case 'relationships':
      return `${head} relationships(${test.model}.${test.to})`;
    case 'accepted_values':
      return `${head} accepted_values(${test.values.join(', ')})`;
    default:
      return `${head} ${test.kind}`;
  }
}

/**
 * `keyColumns` name each failing row in the sample (the model's unique key,
 * else its table's primary key). A relationship to a placeholder row passes:
 * placeholders exist so that facts resolve; they are counted apart.
 */
export function genericFailingRows(model: string, test: DataTest, keyColumns: readonly string[], target: TableInfo | null): FailingRows {
  const t = quoteIdent(model);
  const col = quoteIdent(test.column);
  const shown = [...keyColumns.filter((k) => k !== test.column).map(quoteIdent), col];
  const select = shown.map((c) => `c.${c}`).join(', ');
  const order = shown.map((c) => `f.${c}`).join(', ');
  switch (test.kind) {
    case 'not_null':
      return { sql: `select ${select} from ${t} as c where c.${col} is null`, order, placeholders: null };
    case 'unique':
      return { sql: `select c.${col}, count(*) as rows from ${t} as c where c.${col} is not null group by c.${col} having count(*) > 1`, order: `f.${col}`, placeholders: null };
    case 'accepted_values': {
      // Compared as text so the header's values fit any column type; NULL is not_null's business.
      const values = test.values.map(literal).join(', ');
      return { sql: `select ${select} from ${t} as c where c.${col} is not null and c.${col}::text not in (${values})`, order, placeholders: null };
    }
    case 'relationships': {
      const p = quoteIdent(test.model);
      const to = quoteIdent(test.to);
      const sql = `select ${select} from ${t} as c where c.${col} is not null and not exists (select 1 from ${p} as p where p.${to} = c.${col})`;
      const placeholders = target?.columns.has('is_placeholder')
        ? `select count(*) from ${t} as c where exists (select 1 from ${p} as p where p.${to} = c.${col} and p.is_placeholder)`
        : null;
      return { sql, order, placeholders };
    }
  }
}

/**
 * One query for one test: `elt_failures`, `elt_placeholders`, `elt_row`, then
 * the sample's columns. It always returns a row (the sample columns null when
 * nothing failed), so the counts come back with or without a sample.
 */
export function testQuery(failing: FailingRows, sampleSize: number): string {
  return `with failing as (
${failing.sql}
), sample as (
  select row_number() over (${failing.order ? `order by ${failing.order}` : ''}) as elt_row, f.* from failing as f order by elt_row limit ${sampleSize}
)
select (select count(*) from failing) as elt_failures, ${failing.placeholders ? `(${failing.placeholders})` : '0'} as elt_placeholders, s.*
  from (select 1) as one left join sample as s on true
 order by s.elt_row`;
}
