/**
 * The npm package as a user gets it: `npm pack` (which compiles dist/), the
 * tarball installed in a fresh folder, then a strict TypeScript script that
 * imports the client from 'odoo-elt', builds a domain and iterates every POS
 * order of a simulated Odoo, and the installed `elt` bin running and
 * verifying the same orders: both must count the same.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from './support/database.ts';
import { machineEnv } from './support/machine-env.ts';
import { SIM_NOW } from './support/odoo.ts';
import { startSimulator, type Simulator } from '../src/simulator/server.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const CONSUMER = `import { connect, domainOf, OdooLoginError, type OdooRecord } from 'odoo-elt';
import type { Simulator } from 'odoo-elt/simulator';

// The simulator's entry has its types too (tsc checks every declaration file it reaches).
const simulatorUrl = (sim: Simulator): string => sim.url;
void simulatorUrl;

interface PosOrder extends OdooRecord {
  name: string;
  date_order: string;
  amount_total: number;
}

const odoo = await connect({ url: process.env.ODOO_URL!, db: process.env.ODOO_DB!, login: 'admin', password: 'admin' });
const domain = domainOf<PosOrder>().isSet('date_order').build();
// @ts-expect-error: a field PosOrder lacks does not compile (tsc fails on an unused directive)
domainOf<PosOrder>().equals('amount_totl', 1);
let orders = 0;
let cents = 0;
for await (const order of odoo.iterate<PosOrder>('pos.order', domain, { fields: ['name', 'date_order', 'amount_total'], pageSize: 50 })) {
  orders += 1;
  cents += Math.round(order.amount_total * 100);
}
console.log(JSON.stringify({ orders, cents, loginError: typeof OdooLoginError }));
`;

/** The TypeScript blocks of the README's "Use it as a library" section; the simulator's gets its import. */
function readmeSnippets(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use it as a library'), readme.indexOf('\n## ', readme.indexOf('## Use it as a library') + 3));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code]) =>
    code!.includes('startSimulator') && !code!.includes('import') ? `import { startSimulator } from 'odoo-elt/simulator';\n${code}` : code!,
  );
}

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string }>;
}

let work: string;
let packed: Packed;
let sim: Simulator;
let db: FreshDatabase;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'elt-package-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  packed = (JSON.parse(stdout.slice(stdout.indexOf('['))) as Packed[])[0]!;
  const consumer = join(work, 'consumer');
  await run('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // The embedded PostgreSQL (elt demo's, an optional dependency) is not needed here.
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=optional', join(work, packed.filename)], { cwd: consumer, maxBuffer: 64 * 1024 * 1024 });
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 11 });
  db = await freshDatabase();
}, 300_000);
afterAll(async () => {
  await db?.drop();
  await sim?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('ships the compiled code and types, the bin, the default warehouse, the migrations and the templates; no sources, tests or bench', () => {
    const files = packed.files.map((f) => f.path);
    for (const needed of [
      'bin/elt.mjs',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/simulator/index.js', // elt demo runs the simulator; odoo-elt/simulator for a user's tests
      'dist/docs/site.js', // elt docs inlines these into its page
      'dist/docs/site.css',
      'sql/marts/fact_sales.sql',
      'sql/seeds/branch_codes.csv',
      'migrations/meta/_journal.json',
      'templates/project/elt.yml',
      '.env.example',
      'README.md',
      'package.json',
    ]) {
      expect(files).toContain(needed);
    }
    expect(new Set(files.map((f) => f.split('/')[0]))).toEqual(new Set(['bin', 'dist', 'sql', 'migrations', 'templates', '.env.example', 'README.md', 'package.json']));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    // drizzle-kit's snapshots serve `npm run db:generate` only; migrating reads the journal and the SQL.
    expect(files.filter((f) => f.endsWith('_snapshot.json'))).toEqual([]);
    // Declarations of internal modules are pruned: only what the entries' types reach ships.
    expect(files).not.toContain('dist/db/schema/marts/sales.d.ts');
    expect(files).toContain('dist/odoo/client.d.ts');
  });

  it("keeps the simulator out of the main entry's imports", () => {
    const dist = join(work, 'consumer/node_modules/odoo-elt/dist');
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/(?:import|export)\s[^'"]*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g)) {
        if (spec) visit(resolve(dirname(file), spec));
      }
    };
    visit(join(dist, 'index.js'));
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter((f) => f.includes('/simulator/'))).toEqual([]);
  });

  it('compiles a script against it under tsc --strict, which counts what the installed elt verify counts', async () => {
    const consumer = join(work, 'consumer');
    writeFileSync(join(consumer, 'count.ts'), CONSUMER);
    // The README's library snippets compile too, so they stay true to the API.
    const snippets = readmeSnippets();
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    snippets.forEach((code, i) => writeFileSync(join(consumer, `readme-${i}.ts`), `${code}\nexport {};\n`));
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', types: ['node'], typeRoots: [join(root, 'node_modules/@types')] },
        files: ['count.ts', ...snippets.map((_, i) => `readme-${i}.ts`)],
      }),
    );
    await run(process.execPath, [tsc, '-p', consumer], { cwd: consumer }).catch((error: { stdout?: string }) => {
      throw new Error(`tsc --strict failed:\n${error.stdout}`);
    });
    const env = { ...machineEnv(), ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', DATABASE_URL: db.url, LOG_LEVEL: 'silent' };
    const script = JSON.parse((await run(process.execPath, ['out/count.js'], { cwd: consumer, env })).stdout) as { orders: number; cents: number; loginError: string };

    const elt = (args: string[]) =>
      run(join(consumer, 'node_modules/.bin/elt'), args, { cwd: consumer, env }).catch((error: { stdout?: string; stderr?: string }) => {
        throw new Error(`elt ${args.join(' ')} failed:\n${error.stdout}${error.stderr}`);
      });
    await elt(['run']);
    const verify = JSON.parse((await elt(['verify', '--streams', 'pos.order', '--json'])).stdout) as { ok: boolean; streams: Array<{ stream: string; odoo: number; warehouse: number; status: string }> };
    expect(verify.ok).toBe(true);
    const orders = verify.streams.find((s) => s.stream === 'pos.order')!;
    expect(orders).toMatchObject({ status: 'ok', warehouse: orders.odoo });
    const expected = sim.store.search('pos.order', [], { order: 'id' }).map((id) => sim.store.get('pos.order', id)!);
    expect(script).toEqual({
      orders: orders.odoo,
      cents: expected.reduce((sum, o) => sum + Math.round(Number(o.amount_total) * 100), 0),
      loginError: 'function',
    });
    expect(script.orders).toBe(expected.length);
    expect(script.orders).toBeGreaterThan(100);
  }, 240_000);
});
