import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/transform/project.ts';
import { writeFiles } from '../support/cli.ts';
import { layeredProject, TOOL_DIR, type ProjectLayout } from '../../src/transform/project-layout.ts';
import { loadSingularTests } from '../../src/transform/singular-tests.ts';
import { resolveSelection } from '../../src/transform/selection.ts';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'elt-layer-'));
  dirs.push(dir);
  writeFiles(dir, files);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A stand-in for the shipped default warehouse: a fact on a dimension, a seed and a test of the fact. */
const BASE = {
  'sql/marts/dim_a.sql': '-- materialized: table\nselect 1 as id',
  'sql/marts/fact_b.sql': "-- materialized: table\n-- tags: sales\nselect * from {{ ref('dim_a') }}, {{ ref('seed_codes') }}",
  'sql/seeds/codes.csv': 'code\nbase\n',
  'sql/tests/fact_b_rows.sql': "select * from {{ ref('fact_b') }} where id is null",
};
const layout = (dir: string, base: string, disabled: string[] = []): ProjectLayout => ({ dir, base, disabled: new Set(disabled), configFile: 'elt.yml' });

describe('a project on top of the default warehouse', () => {
  it("adds the project's models, seeds and tests to the default ones; paths are the project's, fqn the folders under each sql/", () => {
    const base = folder(BASE);
    const dir = folder({
      'sql/mine.sql': "-- materialized: table\nselect * from {{ ref('fact_b') }}",
      'sql/seeds/mine.csv': 'x\n1\n',
      'sql/tests/mine_ok.sql': "select * from {{ ref('mine') }} where false",
    });
    const p = loadProject(layout(dir, base));
    expect(p.models.map((m) => [m.name, m.path, m.folders])).toEqual([
      ['dim_a', join(base, 'sql/marts/dim_a.sql'), ['marts']],
      ['fact_b', join(base, 'sql/marts/fact_b.sql'), ['marts']],
      ['mine', 'sql/mine.sql', []],
    ]);
    expect([...p.seeds].sort()).toEqual(['seed_codes', 'seed_mine']);
    expect(loadSingularTests(p, {}).map((t) => [t.name, t.models])).toEqual([
      ['fact_b_rows', ['fact_b']],
      ['mine_ok', ['mine']],
    ]);
    const selectable = p.models.map((m) => ({ name: m.name, path: m.path, folders: m.folders, tags: m.tags, parents: p.parents.get(m.name) ?? [] }));
    expect([...resolveSelection(selectable, ['marts.*'], []).selected].sort()).toEqual(['dim_a', 'fact_b']);
    expect([...resolveSelection(selectable, ['+mine'], []).selected].sort()).toEqual(['dim_a', 'fact_b', 'mine']);
  });

  it("a project file named like a default model or seed replaces it; tests follow the file name too", () => {
    const base = folder(BASE);
    const dir = folder({
      'sql/marts/fact_b.sql': "-- materialized: view\nselect 2 as id from {{ ref('dim_a') }}",
      'sql/seeds/codes.csv': 'code\nmine\n',
      'sql/tests/fact_b_rows.sql': "select * from {{ ref('fact_b') }} where id <> 2",
    });
    const p = loadProject(layout(dir, base));
    expect(p.byName.get('fact_b')).toMatchObject({ path: 'sql/marts/fact_b.sql', materialized: 'view' });
    expect(p.parents.get('fact_b')).toEqual(['dim_a']);
    expect(loadSingularTests(p, {}).map((t) => t.path)).toEqual(['sql/tests/fact_b_rows.sql']);
  });

  it('models: turns a default model off, and the default tests that read it go with it', () => {
    const base = folder(BASE);
    const dir = folder({});
    const p = loadProject(layout(dir, base, ['fact_b']));
    expect(p.models.map((m) => m.name)).toEqual(['dim_a']);
    expect(loadSingularTests(p, {})).toEqual([]);
  });

  it('refuses, in one line: a name models: turns off that no layer has; turning off a model another reads; two models of one name in one layer', () => {
    const base = folder(BASE);
    expect(() => loadProject(layout(folder({}), base, ['fact_bb']))).toThrow('elt.yml: models.fact_bb: no model of that name: did you mean fact_b?');
    expect(() => loadProject(layout(folder({}), base, ['dim_a']))).toThrow(
      `${join(base, 'sql/marts/fact_b.sql')} reads dim_a, which elt.yml turns off (models: dim_a: false): turn fact_b off too, or dim_a back on`,
    );
    const dir = folder({ 'sql/x.sql': 'select 1 as id', 'sql/more/x.sql': 'select 2 as id' });
    expect(() => loadProject(layout(dir, base))).toThrow('two models are named x: sql/more/x.sql and sql/x.sql');
  });

  it("a folder without sql/ is the default warehouse alone; the tool's own folder is one layer; default_models: false leaves the defaults out", () => {
    const empty = folder({});
    expect(layeredProject(empty).base).toBe(TOOL_DIR);
    expect(loadProject(layeredProject(empty)).byName.has('fact_sales')).toBe(true);
    expect(layeredProject(TOOL_DIR).base).toBeNull();
    expect(() => loadProject(layeredProject(empty, { defaults: false }))).toThrow(`no sql/ folder in ${empty}: run elt from the project folder (the one that holds sql/), or pass --project-dir`);
  });

  it('the project elt init writes loads on the shipped warehouse: its example model reads a default mart and a staging view', () => {
    const dir = folder({
      'sql/daily_sales_by_branch.sql': readFileSync(join(TOOL_DIR, 'templates/project/sql/daily_sales_by_branch.sql'), 'utf8'),
      'sql/tests/daily_sales_have_orders.sql': readFileSync(join(TOOL_DIR, 'templates/project/sql/tests/daily_sales_have_orders.sql'), 'utf8'),
    });
    const p = loadProject(layeredProject(dir), BUILTIN_STREAMS.map((s) => s.model));
    expect(p.parents.get('daily_sales_by_branch')).toEqual(['fact_sales']);
    expect(p.byName.get('daily_sales_by_branch')).toMatchObject({ materialized: 'table', uniqueKey: ['branch_id', 'local_date'], sources: ['pos.config'] });
  });
});
