/** What `npm pack` puts in the package: what `elt` needs installed in another folder, and nothing of the tests or the bench. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function packedFiles(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root }, (error, stdout) => {
      if (error) return reject(error);
      resolve((JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path));
    });
  });
}

describe('the npm package', () => {
  it('holds the bin, the sources, the default warehouse, the migrations and the init templates; no tests, bench or dev config', async () => {
    const files = await packedFiles();
    for (const needed of [
      'bin/elt.mjs',
      'src/cli/main.ts',
      'src/simulator/server.ts', // elt demo runs the simulator
      'src/docs/site.js', // elt docs inlines these into its page
      'src/docs/site.css',
      'sql/marts/fact_sales.sql',
      'sql/seeds/branch_codes.csv',
      'sql/tests/pos_order_totals.sql',
      'migrations/meta/_journal.json',
      'templates/project/elt.yml',
      'templates/project/gitignore',
      'templates/project/sql/daily_sales_by_branch.sql',
      '.env.example',
      'README.md',
      'package.json',
    ]) {
      expect(files).toContain(needed);
    }
    expect(new Set(files.map((f) => f.split('/')[0]))).toEqual(new Set(['bin', 'src', 'sql', 'migrations', 'templates', '.env.example', 'README.md', 'package.json']));
  }, 30_000);
});
