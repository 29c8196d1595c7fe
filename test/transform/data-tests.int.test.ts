/**
 * runDataTests on a small project whose tables the test fills by hand: each
 * kind of generic test, placeholders, singular tests, selection, and the
 * problems that stop everything before a test runs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database.ts';
import { memoryLog } from '../support/odoo.ts';
import { runDataTests, type DataTestOptions, type TestResult } from '../../src/transform/data-tests.ts';
import { ModelError } from '../../src/transform/errors.ts';
import { SelectionError } from '../../src/transform/selection.ts';

let db: Awaited<ReturnType<typeof freshDatabase>>;
const dirs: string[] = [];

const files: Record<string, string> = {
  'sql/marts/td_dim.sql': `-- materialized: table
-- tests: id not_null unique; kind accepted_values(a, b)
select 1 as id`,
  'sql/marts/td_fact.sql': `-- unique_key: source, line_id
-- tests: line_id unique; dim_id not_null relationships(td_dim.id); code relationships(seed_codes.code)
select 1 as line_id from {{ source('pos.order.line') }} as l where {{ changed(l) }}`,
  'sql/seeds/codes.csv': 'code\nA\n',
  'sql/tests/td_high_ids.sql': `-- dims above a threshold
select id, kind from {{ ref('td_dim') }} where id > {{ var('min_id', '2') }} order by id`,
};

function project(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'elt-datatests-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries({ ...files, ...extra })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function run(options: DataTestOptions = {}, dir = project()): Promise<Array<Omit<TestResult, 'seconds'>>> {
  const results = await runDataTests(db.pool, { projectDir: dir, ...options }, memoryLog());
  return results.map(({ seconds, ...rest }) => {
    expect(seconds).toBeGreaterThanOrEqual(0);
    return rest;
  });
}

const pass = (name: string, path: string, placeholders = 0) => ({ name, path, status: 'pass', failures: 0, placeholders, sample: { columns: [], rows: [] } });
const DIM = 'sql/marts/td_dim.sql';
const FACT = 'sql/marts/td_fact.sql';

beforeAll(async () => {
  db = await freshDatabase();
  await db.pool.query(`
    create table td_dim (id bigint primary key, kind text, is_placeholder boolean not null default false);
    insert into td_dim values (1, 'a', false), (2, 'b', false), (3, 'c', false), (4, null, true);
    create table td_fact (source text, line_id bigint, dim_id bigint, code text, primary key (source, line_id));
    insert into td_fact values ('pos', 1, 1, 'A'), ('pos', 2, 4, 'A'), ('pos', 3, 4, null), ('sale', 1, null, 'A'), ('sale', 2, 99, 'B'), ('pos', 4, 98, 'A');
    create table seed_codes (code text);
    insert into seed_codes values ('A');`);
});
afterAll(async () => {
  await db?.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('elt test on a hand-made warehouse', () => {
  it('runs every test: failing rows counted, a sample by key, placeholders counted apart', async () => {
    expect(await run()).toEqual([
      pass('td_dim.id not_null', DIM),
      pass('td_dim.id unique', DIM),
      // NULL is not_null's business; the placeholder row has no kind.
      { name: 'td_dim.kind accepted_values(a, b)', path: DIM, status: 'fail', failures: 1, placeholders: 0, sample: { columns: ['id', 'kind'], rows: [['3', 'c']] } },
      { name: 'td_fact.line_id unique', path: FACT, status: 'fail', failures: 2, placeholders: 0, sample: { columns: ['line_id', 'rows'], rows: [['1', '2'], ['2', '2']] } },
      { name: 'td_fact.dim_id not_null', path: FACT, status: 'fail', failures: 1, placeholders: 0, sample: { columns: ['source', 'line_id', 'dim_id'], rows: [['sale', '1', null]] } },
      // Rows pointing at the placeholder (id 4) resolve: they pass, and are counted as a warning.
      { name: 'td_fact.dim_id relationships(td_dim.id)', path: FACT, status: 'fail', failures: 2, placeholders: 2, sample: { columns: ['source', 'line_id', 'dim_id'], rows: [['pos', '4', '98'], ['sale', '2', '99']] } },
      // A seed has no placeholders.
      { name: 'td_fact.code relationships(seed_codes.code)', path: FACT, status: 'fail', failures: 1, placeholders: 0, sample: { columns: ['source', 'line_id', 'code'], rows: [['sale', '2', 'B']] } },
      { name: 'td_high_ids', path: 'sql/tests/td_high_ids.sql', status: 'fail', failures: 2, placeholders: 0, sample: { columns: ['id', 'kind'], rows: [['3', 'c'], ['4', null]] } },
    ]);
  });

  it('shows a sample of the first rows only, and reads vars for singular tests', async () => {
    const results = await run({ sampleSize: 1, vars: { min_id: 3 }, select: ['td_dim'], exclude: ['td_fact'] });
    expect(results.map((r) => [r.name, r.failures, r.sample.rows])).toEqual([
      ['td_dim.id not_null', 0, []],
      ['td_dim.id unique', 0, []],
      ['td_dim.kind accepted_values(a, b)', 1, [['3', 'c']]],
      ['td_high_ids', 1, [['4', null]]],
    ]);
  });

  it("selects dbt's way: a test runs when it reads a selected model and no excluded one", async () => {
    const names = async (options: DataTestOptions) => (await run(options)).map((r) => r.name);
    // td_fact's relationship reads td_dim, so selecting td_dim runs it too.
    expect(await names({ select: ['td_dim'] })).toEqual([
      'td_dim.id not_null', 'td_dim.id unique', 'td_dim.kind accepted_values(a, b)', 'td_fact.dim_id relationships(td_dim.id)', 'td_high_ids',
    ]);
    expect(await names({ exclude: ['td_dim'] })).toEqual(['td_fact.line_id unique', 'td_fact.dim_id not_null', 'td_fact.code relationships(seed_codes.code)']);
    expect(await names({ select: ['td_fact'], exclude: ['td_dim'] })).toEqual(['td_fact.line_id unique', 'td_fact.dim_id not_null', 'td_fact.code relationships(seed_codes.code)']);
  });

  it('passes everything once the data is right, and a runtime failure is an error, not a crash', async () => {
    const dir = project({
      'sql/marts/td_dim.sql': '-- materialized: table\n-- tests: id not_null unique\nselect 1 as id',
      'sql/marts/td_fact.sql': "-- unique_key: source, line_id\n-- tests: source accepted_values(pos, sale)\nselect 1 as id from {{ source('pos.order.line') }} as l",
      'sql/tests/td_high_ids.sql': "select id / (id - id) as boom from {{ ref('td_dim') }}",
    });
    const results = await run({}, dir);
    expect(results.slice(0, 3)).toEqual([pass('td_dim.id not_null', DIM), pass('td_dim.id unique', DIM), pass('td_fact.source accepted_values(pos, sale)', FACT)]);
    expect(results[3]).toEqual({ name: 'td_high_ids', path: 'sql/tests/td_high_ids.sql', status: 'error', failures: 0, placeholders: 0, sample: { columns: [], rows: [] }, error: 'division by zero' });
  });

  it.each([
    [{ 'sql/marts/td_dim.sql': '-- materialized: table\n-- tests: idd not_null\nselect 1 as id' },
      'sql/marts/td_dim.sql: test "td_dim.idd not_null": td_dim has no column idd: did you mean id, kind?'],
    [{ 'sql/marts/td_fact.sql': "-- unique_key: source, line_id\n-- tests: dim_id relationships(td_dimm.id)\nselect 1 as id from {{ source('pos.order.line') }} as l" },
      'sql/marts/td_fact.sql: test "td_fact.dim_id relationships(td_dimm.id)": td_dimm is no model or seed: did you mean td_dim?'],
    [{ 'sql/marts/td_fact.sql': "-- unique_key: source, line_id\n-- tests: dim_id relationships(td_dim.kid)\nselect 1 as id from {{ source('pos.order.line') }} as l" },
      'sql/marts/td_fact.sql: test "td_fact.dim_id relationships(td_dim.kid)": td_dim has no column kid: did you mean id, kind?'],
    [{ 'sql/marts/td_later.sql': '-- materialized: view\n-- tests: id not_null\nselect 1 as id' },
      'sql/marts/td_later.sql: test "td_later.id not_null": the warehouse has no table td_later yet: run elt migrate and elt transform first'],
    [{ 'sql/tests/td_bad.sql': "select nope from {{ ref('td_dim') }}" }, 'sql/tests/td_bad.sql: test "td_bad" cannot run: column "nope" does not exist'],
    [{ 'sql/tests/td_bad.sql': "select id from {{ ref('td_dimm') }}" }, "sql/tests/td_bad.sql: ref('td_dimm') names no model, seed or staging view: did you mean td_dim?"],
    [{ 'sql/tests/td_bad.sql': "select l.id from {{ source('pos.order.line') }} as l where {{ changed(l) }}" },
      'sql/tests/td_bad.sql: changed() belongs in incremental models; a test reads whole tables'],
    [{ 'sql/tests/td_bad.sql': 'delete from td_dim' }, 'sql/tests/td_bad.sql: a test is one SELECT (or WITH ... SELECT) returning the failing rows'],
  ])('a test naming something unknown stops everything before any test runs (%#)', async (extra, message) => {
    const log = memoryLog();
    const error = await runDataTests(db.pool, { projectDir: project(extra) }, log).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as Error).message).toBe(message);
    expect(log.lines.filter((l) => l.level === 'info')).toEqual([]);
  });

  it('an unknown model in --select or --exclude is a selection error', async () => {
    await expect(run({ select: ['td_dmi'] })).rejects.toThrow(new SelectionError('unknown model "td_dmi" in --select: did you mean td_dim?'));
    await expect(run({ exclude: ['td_fcat'] })).rejects.toThrow(new SelectionError('unknown model "td_fcat" in --exclude: did you mean td_fact?'));
  });
});
