import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand } from 'citty';
import type { Context } from '../context.ts';
import { connectOdoo } from '../context.ts';
import { loadEnv, odooSettings } from '../env.ts';
import { UsageError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { secretValues } from '../secrets.ts';
import { extractStep, formatExtractSummary, formatTransformSummary, migrateStep, transformStep, withWarehouseLock } from '../steps.ts';
import { formatTestReport } from '../test-report.ts';
import { createPool } from '../../db/pool.ts';
import { parseProjectConfig } from '../../extract/project-config.ts';
import { runDataTests } from '../../transform/data-tests.ts';
import { loadSeeds } from '../../transform/seeds.ts';
import { DemoError } from '../../demo/demo-error.ts';
import { openDemoFolder, type DemoFolder } from '../../demo/demo-folder.ts';
import { DEMO_LOGIN, ORDERS_PER_RUN, startDemoOdoo } from '../../demo/demo-odoo.ts';
import { collectFigures, formatFigures } from '../../demo/demo-report.ts';
import { startEmbeddedPostgres } from '../../demo/embedded-postgres.ts';

/** This package's own sql/ (the default warehouse): the demo builds it from whatever folder it runs in. */
const BUILT_IN_PROJECT = fileURLToPath(new URL('../../..', import.meta.url));

const args = {
  dir: { type: 'string', description: 'the folder that keeps the demo (its database and run history)', default: '.elt-demo', valueHint: '/tmp/elt-demo' },
} as const;

export const demoCommand = defineCommand({
  meta: {
    name: 'demo',
    description:
      'The whole pipeline with no setup: the built-in Odoo simulator (a small retail company) and an embedded PostgreSQL (PGlite) kept in one folder; ' +
      'migrate, seed, extract, transform, test, then what it built. Run it again for an incremental run with a few new orders; delete the folder to start over. ' +
      'Examples: elt demo · elt demo --dir /tmp/elt-demo',
  },
  args,
  async run({ args: parsed }) {
    if (!parsed.dir.trim()) throw new UsageError('--dir needs a folder, e.g. --dir /tmp/elt-demo (see --help)');
    const dir = resolve(parsed.dir);
    let folder: DemoFolder | undefined;
    try {
      folder = openDemoFolder(dir);
      return await runDemo(folder);
    } catch (error) {
      throw error instanceof DemoError ? new UsageError(error.message) : error;
    } finally {
      folder?.release();
    }
  },
});

async function runDemo(folder: DemoFolder): Promise<number> {
  const started = Date.now();
  const shown = displayPath(folder.dir);
  const warehouse = await startEmbeddedPostgres(folder.pgdata);
  const odoo = await startDemoOdoo(folder.runs).catch(async (error: unknown) => {
    await warehouse.close();
    throw error;
  });
  // The demo's own settings, whatever .env says: it never touches the user's Odoo or database.
  const env = loadEnv({
    ODOO_URL: odoo.url, ODOO_DB: DEMO_LOGIN.db, ODOO_USERNAME: DEMO_LOGIN.login, ODOO_PASSWORD: DEMO_LOGIN.password, ODOO_TRANSPORT: 'jsonrpc',
    DATABASE_URL: warehouse.url, ELT_TIMEZONE: process.env.ELT_TIMEZONE, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const log = createLogger(env.LOG_LEVEL, secretValues());
  // Pool of 2: the warehouse lock's connection and the work's (embedded-postgres.ts says why no more).
  const db = createPool(env.DATABASE_URL, 2, { copyFromStdin: false });
  // One stream at a time, for the same reason.
  const config = parseProjectConfig({ extract: { concurrency: 1 } }, null);
  const ctx: Context = { env, log, config, db, close: () => db.end() };
  try {
    const { rows } = await db.query<{ version: string }>('select version()');
    const server = /^PostgreSQL \S+(?: \([^)]*\))?/.exec(rows[0]!.version)?.[0] ?? 'PostgreSQL';
    const run = folder.runs.length;
    console.log(
      run === 1
        ? `elt demo: a simulated Odoo ${odoo.version} retail company (${count(odoo.count('pos.order'))} POS orders, ${count(odoo.count('sale.order'))} sale orders) into ${server}, kept in ${shown}/`
        : `elt demo: run ${run}, kept in ${shown}/: the simulated shops rang up ${ORDERS_PER_RUN} POS orders since the last run, and an incremental run picks them up`,
    );
    console.log(`  for this run: Odoo at ${odoo.url} (database ${DEMO_LOGIN.db}, user ${DEMO_LOGIN.login}), PostgreSQL at ${warehouse.url}`);
    return await withWarehouseLock(ctx, async () => {
      await migrateStep(ctx);
      await loadSeeds(db, join(BUILT_IN_PROJECT, 'sql', 'seeds'));
      const client = await connectOdoo(odooSettings(env), log);
      const streams = await extractStep(ctx, {}, client);
      console.log(`\nExtract (Odoo -> raw tables):\n${formatExtractSummary(streams)}`);
      const models = await transformStep(ctx, { projectDir: BUILT_IN_PROJECT });
      console.log(`\nTransform (raw tables -> marts):\n${formatTransformSummary(models)}`);
      const tests = await runDataTests(db, { projectDir: BUILT_IN_PROJECT, select: [], exclude: [], vars: config.vars }, log);
      const passed = tests.every((t) => t.status === 'pass');
      const report = formatTestReport(tests);
      // A line per test is a screenful: the count line alone, unless one failed.
      console.log(`\nData tests (elt test):\n${passed ? report.split('\n').at(-1) : report}`);
      console.log(`\n${formatFigures(await collectFigures(db, odoo.clock.now()))}`);
      console.log(`\n${nextSteps(shown)}`);
      console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return [...streams, ...models].some((r) => r.status === 'failed') || !passed ? 1 : 0;
    });
  } finally {
    await ctx.close();
    await odoo.close();
    await warehouse.close();
  }
}

/** Relative to the working directory when inside it, else absolute. */
function displayPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function nextSteps(dir: string): string {
  return [
    `The demo warehouse stays in ${dir}/: run elt demo again for an incremental run, delete the folder to start over.`,
    `Look inside with any PostgreSQL client: npx pglite-server --db=${dir}/pgdata --port=5433`,
    '  then psql "postgres://postgres@127.0.0.1:5433/postgres?sslmode=disable" -c "select * from fact_sales limit 5"',
    'To load your own Odoo, copy .env.example to .env and set:',
    '  ODOO_URL=https://mycompany.odoo.com    ODOO_DB=mycompany    ODOO_USERNAME=elt@mycompany.com',
    '  ODOO_API_KEY=...                        (or ODOO_PASSWORD; an API key of a read-only user is best)',
    '  DATABASE_URL=postgres://elt@127.0.0.1:5432/warehouse',
    'then run: npx elt run',
  ].join('\n');
}
