import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../../src/transform/model-file.ts';
import { compileModel } from '../../src/transform/compile.ts';

const factLines = `-- materialized: incremental
-- unique_key: source, line_id
-- tags: sales, daily
-- tests: line_id not_null unique; product_id relationships(dim_products.product_id); source accepted_values('pos', 'sale')
-- references: product_id -> dim_products.product_id
select 'pos' as source, l.id as line_id, odoo_id(l.data -> 'product_id') as product_id, {{ var('tz_label', 'UTC') }} as label
from {{ source('pos.order.line') }} as l
join {{ source('pos.order') }} o on o.id = odoo_id(l.data -> 'order_id')
join {{ ref('stg_orders') }} s on s.order_id = o.id
where {{ changed(l) }} or {{ changed(o) }};
`;

describe('model files', () => {
  it('parses the header, the inputs and the source aliases', () => {
    const model = parseModelFile('sql/marts/fact_lines.sql', factLines);
    expect(model).toMatchObject({
      name: 'fact_lines',
      materialized: 'incremental',
      uniqueKey: ['source', 'line_id'],
      tags: ['sales', 'daily'],
      sources: ['pos.order.line', 'pos.order'],
      refs: ['stg_orders', 'dim_products'],
      references: [{ column: 'product_id', model: 'dim_products', to: 'product_id' }],
    });
    expect(model.tests).toEqual([
      { kind: 'not_null', column: 'line_id' },
      { kind: 'unique', column: 'line_id' },
      { kind: 'relationships', column: 'product_id', model: 'dim_products', to: 'product_id' },
      { kind: 'accepted_values', column: 'source', values: ['pos', 'sale'] },
    ]);
    expect([...model.aliases]).toEqual([['l', 'pos.order.line'], ['o', 'pos.order']]);
    expect(model.body.endsWith(';')).toBe(false);
    expect(model.description).toBeUndefined();
  });

  it('a description is one optional header line, for elt docs', () => {
    const model = parseModelFile('sql/marts/fact_lines.sql', `-- description: One row per POS line: qty, price.\n${factLines}`);
    expect(model.description).toBe('One row per POS line: qty, price.');
    expect(model.uniqueKey).toEqual(['source', 'line_id']);
  });

  it('compiles placeholders: tables, watermarks per source, vars as literals', () => {
    const model = parseModelFile('sql/marts/fact_lines.sql', factLines);
    const incremental = compileModel(model, { watermarks: new Map([['pos.order.line', 41], ['pos.order', 7]]), vars: { tz_label: "Brussels's" } });
    expect(incremental).toContain('from "raw_pos_order_line" as l');
    expect(incremental).toContain('join "stg_orders" s');
    expect(incremental).toContain('where (l.load_seq > 41) or (o.load_seq > 7)');
    expect(incremental).toContain("'Brussels''s' as label");
    const full = compileModel(model, { watermarks: null, vars: {} });
    expect(full).toContain('where true or true');
    expect(full).toContain("'UTC' as label");
  });

  it('defaults: views under staging, incremental under marts', () => {
    expect(parseModelFile('sql/staging/stg_x.sql', 'select 1 as a').materialized).toBe('view');
    expect(() => parseModelFile('sql/marts/x.sql', 'select 1 as a')).toThrow(
      'sql/marts/x.sql: an incremental model needs a unique_key header (e.g. -- unique_key: order_id)',
    );
  });

  it.each([
    ['sql/marts/Bad-Name.sql', 'select 1', 'sql/marts/Bad-Name.sql: the file name must be a lowercase SQL identifier (letters, digits, _) since it names the table'],
    ['sql/marts/x.sql', '-- unique_key: id\n-- on_delete: archive\nselect 1 as id', 'sql/marts/x.sql: on_delete must be delete or flag, not "archive"'],
    ['sql/marts/x.sql', '-- materialised: table\nselect 1', 'sql/marts/x.sql:1: unknown header key "materialised" (expected one of materialized, unique_key, on_delete, on_schema_change, tags, tests, references, verify, strategy, updated_at, check_cols, hard_deletes, description)'],
    ['sql/marts/x.sql', '-- materialized: ephemeral\nselect 1', 'sql/marts/x.sql: materialized must be incremental, table, view or snapshot, not "ephemeral"'],
    ['sql/marts/x.sql', '-- materialized: table\ndelete from y', 'sql/marts/x.sql: a model is one SELECT (or WITH ... SELECT) after its header'],
    ['sql/marts/x.sql', "-- materialized: table\nselect * from {{ source('a') }} a where {{ changed(b) }}", "sql/marts/x.sql: changed(b) names no source alias (write {{ source('model') }} as b, or {{ ref('stg_model') }} as b)"],
    ['sql/marts/x.sql', '-- materialized: table\nselect {{ env("X") }}', 'sql/marts/x.sql: unknown placeholder {{ env(...) }} (use source, ref, changed or var)'],
    ['sql/marts/x.sql', '-- materialized: table\n-- tests: id is_positive\nselect 1', 'sql/marts/x.sql: unknown test "is_positive" on id (use not_null, unique, relationships(model.column) or accepted_values(a, b))'],
    ['sql/marts/x.sql', '-- materialized: table\n-- references: product_id => dim_products\nselect 1', 'sql/marts/x.sql: reference "product_id => dim_products" should read "<column> -> <model>.<column>", e.g. "product_id -> dim_products.product_id"'],
  ])('refuses %s with one clear line', (path, text, message) => {
    expect(() => parseModelFile(path, text)).toThrow(message);
  });

  it('snapshots: the default under sql/snapshots, dbt strategies and hard_deletes, each mistake in one line', () => {
    const snap = (header: string) => parseModelFile('sql/snapshots/snap_x.sql', `${header}\nselect 1 as id, now() as write_date`);
    expect(snap('-- unique_key: id')).toMatchObject({ materialized: 'snapshot', snapshot: { strategy: 'timestamp', updatedAt: 'write_date', checkCols: [], hardDeletes: 'ignore' } });
    expect(snap('-- unique_key: id\n-- strategy: check\n-- check_cols: a, b\n-- hard_deletes: invalidate').snapshot).toEqual({ strategy: 'check', updatedAt: 'write_date', checkCols: ['a', 'b'], hardDeletes: 'invalidate' });
    expect(snap('-- unique_key: id\n-- strategy: check\n-- check_cols: all').snapshot?.checkCols).toBe('all');
    expect(() => snap('-- strategy: check')).toThrow('sql/snapshots/snap_x.sql: a snapshot needs a unique_key header (e.g. -- unique_key: order_id)');
    expect(() => snap('-- unique_key: id\n-- strategy: check')).toThrow('sql/snapshots/snap_x.sql: strategy: check needs check_cols (the columns compared, or all), e.g. -- check_cols: list_price, standard_price');
    expect(() => snap('-- unique_key: id\n-- strategy: latest')).toThrow('sql/snapshots/snap_x.sql: strategy must be timestamp or check, not "latest"');
    expect(() => snap('-- unique_key: id\n-- hard_deletes: delete')).toThrow('sql/snapshots/snap_x.sql: hard_deletes must be invalidate or ignore, not "delete"');
    expect(parseModelFile('sql/marts/x.sql', '-- materialized: table\nselect 1 as id').snapshot).toBeUndefined();
  });

  it('a var with no value and no default is an error naming it', () => {
    const model = parseModelFile('sql/marts/x.sql', "-- materialized: table\nselect {{ var('code_pattern') }} as p");
    expect(() => compileModel(model, { watermarks: null, vars: {} })).toThrow(
      "sql/marts/x.sql: var('code_pattern') is not set: add it under vars: in elt.yml or give a default, var('code_pattern', '...')",
    );
  });
});

describe('model file details', () => {
  it('allows comments in and after the header, and var defaults with commas and parentheses', () => {
    const text = `-- Branches, one per pos.config.
-- materialized: table
-- note: the code comes from the name
-- tags: branches

-- a comment before the statement
select {{ var('pattern', '^([A-Z]{2,3}), ''x''') }} as p`;
    const model = parseModelFile('sql/marts/dim_x.sql', text);
    expect(model.materialized).toBe('table');
    expect(model.tags).toEqual(['branches']);
    expect(compileModel(model, { watermarks: null, vars: {} })).toContain(`select '^([A-Z]{2,3}), ''x''' as p`);
  });
});
