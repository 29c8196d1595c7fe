import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/transform/project.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'elt-project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const view = (body: string) => `select 1 as id ${body}`;

describe('the model graph', () => {
  it('orders parents first and equal ranks by file path; seeds are refs but not models', () => {
    const dir = project({
      'sql/staging/stg_b.sql': view(''),
      'sql/staging/stg_a.sql': view(''),
      'sql/marts/fact_z.sql': `-- materialized: table\nselect * from {{ ref('dim_y') }}, {{ ref('stg_a') }}, {{ ref('seed_codes') }}`,
      'sql/marts/dim_y.sql': `-- materialized: table\nselect * from {{ ref('stg_b') }}`,
      'sql/marts/aaa_alone.sql': `-- materialized: table\nselect 1 as id`,
      'sql/seeds/codes.csv': 'a,b\n',
      'sql/tests/not_a_model.sql': 'select 1',
    });
    const p = loadProject(dir);
    expect(p.models.map((m) => m.name)).toEqual(['aaa_alone', 'stg_a', 'stg_b', 'dim_y', 'fact_z']);
    expect(p.parents.get('fact_z')).toEqual(['dim_y', 'stg_a']);
    expect([...p.seeds]).toEqual(['seed_codes']);
  });

  it('an unknown source fails naming the file and the nearest stream names, before anything runs', () => {
    const dir = project({
      'sql/staging/stg_payments.sql': `select p.id from {{ source('pos.paymnt') }} as p`,
    });
    const streams = ['pos.order', 'pos.payment', 'pos.payment.method'];
    expect(() => loadProject(dir, streams)).toThrow(
      "sql/staging/stg_payments.sql: source('pos.paymnt') names no stream: did you mean pos.payment? (sources are Odoo model names; add new streams under streams: in elt.yml)",
    );
    expect(() => loadProject(dir, ['res.partner'])).toThrow("sql/staging/stg_payments.sql: source('pos.paymnt') names no stream (sources are");
    expect(loadProject(dir, [...streams, 'pos.paymnt']).models.map((m) => m.name)).toEqual(['stg_payments']);
  });

  it("ref('stg_<stream>') reads the stream's generated staging view: a source in the graph, changed() works on its alias", () => {
    const dir = project({
      'sql/marts/by_method.sql': "-- unique_key: id\nselect p.id from {{ ref('stg_pos_payment') }} as p where {{ changed(p) }}",
      'sql/staging/stg_mine.sql': "select 1 as id",
      'sql/marts/other.sql': "-- unique_key: id\nselect m.id from {{ ref('stg_mine') }} as m where {{ changed(m) }}",
    });
    const streams = ['pos.payment', 'pos.order'];
    expect(() => loadProject(dir, streams)).toThrow('sql/marts/other.sql: changed(m) needs a source or a staging view, and m is stg_mine');
    rmSync(join(dir, 'sql/marts/other.sql'));
    const p = loadProject(dir, streams);
    expect(p.byName.get('by_method')).toMatchObject({ sources: ['pos.payment'], refs: ['stg_pos_payment'] });
    expect(p.byName.get('by_method')!.aliases.get('p')).toBe('pos.payment');
    expect(p.parents.get('by_method')).toEqual([]);
    expect([...p.staging].sort()).toEqual(['stg_pos_order', 'stg_pos_payment']);
    writeFileSync(join(dir, 'sql/marts/typo.sql'), "-- materialized: table\nselect 1 as id from {{ ref('stg_pos_paymnt') }}");
    expect(() => loadProject(dir, streams)).toThrow("sql/marts/typo.sql: ref('stg_pos_paymnt') names no model, seed or staging view: did you mean stg_pos_payment?");
  });

  it('an unknown ref fails naming the file and the nearest names', () => {
    const dir = project({
      'sql/marts/dim_products.sql': `-- materialized: table\nselect 1 as id`,
      'sql/marts/fact_x.sql': `-- materialized: table\nselect * from {{ ref('dim_prodcts') }}`,
    });
    expect(() => loadProject(dir)).toThrow("sql/marts/fact_x.sql: ref('dim_prodcts') names no model, seed or staging view: did you mean dim_products?");
  });

  it('a cycle fails naming the files in it, references included', () => {
    const dir = project({
      'sql/marts/a.sql': `-- materialized: table\nselect * from {{ ref('c') }}`,
      'sql/marts/b.sql': `-- materialized: table\nselect * from {{ ref('a') }}`,
      'sql/marts/c.sql': `-- materialized: table\n-- references: id -> b.id\nselect 1 as id`,
      'sql/marts/d.sql': `-- materialized: table\nselect 1 as id`,
    });
    expect(() => loadProject(dir)).toThrow('the models form a cycle: sql/marts/a.sql -> sql/marts/b.sql -> sql/marts/c.sql -> sql/marts/a.sql');
  });

  it('two models with one name are refused', () => {
    const dir = project({ 'sql/staging/x.sql': view(''), 'sql/marts/x.sql': `-- materialized: table\nselect 1 as id` });
    expect(() => loadProject(dir)).toThrow('two models are named x: sql/marts/x.sql and sql/staging/x.sql');
  });
});
