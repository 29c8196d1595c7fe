/** `elt docs` without a warehouse: the site still builds, from the project's files, and says what it lacks. */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocsManifest } from '../../src/docs/manifest.ts';
import { closedPort, ownModelsOnly, projectDir, runCliInProcess } from '../support/cli.ts';

const dirs: string[] = [];
const files = ownModelsOnly({
  'sql/staging/stg_orders.sql': "-- description: Orders, typed.\nselect o.id from {{ source('pos.order') }} as o",
  'sql/marts/fact_y.sql': "-- unique_key: id\n-- tests: id not_null unique\nselect l.id from {{ source('pos.order.line') }} as l join {{ ref('stg_orders') }} as o on o.id = l.id",
});

function dir(): string {
  const d = projectDir(files);
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('elt docs', () => {
  it('with no DATABASE_URL: the site from the files alone, and one line saying so', async () => {
    const cwd = dir();
    const out = await runCliInProcess(['docs'], { LOG_LEVEL: 'silent' }, cwd);
    expect(out).toEqual({
      code: 0,
      stderr: '',
      stdout: 'wrote target/docs/index.html: 2 models, 41 streams, 41 staging views, 0 seeds, 2 tests\nno columns, row counts or freshness: DATABASE_URL is not set\n',
    });
    const manifest = JSON.parse(readFileSync(join(cwd, 'target/docs/manifest.json'), 'utf8')) as DocsManifest;
    expect(manifest.warehouse).toEqual({ read: false, note: 'DATABASE_URL is not set' });
    const fact = manifest.nodes.find((n) => n.id === 'model/fact_y')!;
    expect(fact).toMatchObject({ kind: 'fact', columns: null, built: null, rows: null, description: '' });
    expect(fact.tests.map((t) => [t.name, t.status])).toEqual([['fact_y.id not_null', null], ['fact_y.id unique', null]]);
    expect(manifest.edges).toContainEqual({ from: 'stream/pos.order.line', to: 'model/fact_y' });
    expect(manifest.edges).toContainEqual({ from: 'model/stg_orders', to: 'model/fact_y' });
    expect(readFileSync(join(cwd, 'target/docs/index.html'), 'utf8')).toContain('<script type="application/json" id="manifest">');
  });

  it('a warehouse that does not answer: the same, with the reason', async () => {
    const out = await runCliInProcess(['docs'], { LOG_LEVEL: 'silent', DATABASE_URL: `postgres://elt:pw@127.0.0.1:${await closedPort()}/wh` }, dir());
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')[1]).toMatch(/^no columns, row counts or freshness: cannot reach the warehouse \(.*ECONNREFUSED.*\)$/);
    expect(out.stdout).not.toContain('pw@');
  });

  it('bad flags are one line, exit 2', async () => {
    const cwd = dir();
    expect(await runCliInProcess(['docs', '--serve', '--port', 'http'], {}, cwd)).toEqual({ code: 2, stdout: '', stderr: 'elt docs: --port must be a port number (1 to 65535), not "http"\n' });
    expect(await runCliInProcess(['docs', '--port', '9000'], {}, cwd)).toEqual({ code: 2, stdout: '', stderr: 'elt docs: --port goes with --serve\n' });
  });
});
