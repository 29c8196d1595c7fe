import { isAbsolute, relative, resolve } from 'node:path';
import { defineCommand } from 'citty';
import type { Context } from '../context.ts';
import { connectOdoo, warehousePool } from '../context.ts';
import { loadEnv, odooSettings } from '../env.ts';
import { UsageError } from '../errors.ts';
import { portFlag } from '../flags.ts';
import { createCommandLogger } from '../logger.ts';
import { wrap } from '../text.ts';
import { decideOutput } from '../output.ts';
import { secretValues } from '../secrets.ts';
import { extractStep, migrateStep, transformStep, withWarehouseLock } from '../steps.ts';
import { formatExtractSummary, formatProblems, formatTransformSummary } from '../summary.ts';
import { formatTestReport } from '../test-report.ts';
import { projectPlan } from '../project.ts';
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedPostgres } from '../../db/embedded-postgres.ts';
import { runDataTests } from '../../transform/data-tests.ts';
import { loadSeeds } from '../../transform/seeds.ts';
import { DemoError } from '../../demo/demo-error.ts';
import { planDemoProject } from '../../demo/demo-project.ts';
import { openDemoFolder, type DemoFolder } from '../../demo/demo-folder.ts';
import { DEMO_LOGIN, ORDERS_PER_RUN, startDemoOdoo } from '../../demo/demo-odoo.ts';
import { collectFigures, formatFigures } from '../../demo/demo-report.ts';

const args = {
  dir: { type: 'string', description: 'the folder that keeps the demo (its database and run history)', default: '.elt-demo', valueHint: '/tmp/elt-demo' },
  serve: { type: 'boolean', description: 'after the run, keep the warehouse up for psql or any client until Ctrl-C', default: false },
  port: { type: 'string', description: "the warehouse's port on 127.0.0.1 (default: a free one)", valueHint: '5433' },
} as const;

export const demoCommand = defineCommand({
  meta: {
    name: 'demo',
    description:
      'The whole pipeline with no setup, on a simulated Odoo.\n\n' +
      'The built-in Odoo simulator (a small retail company) and an embedded PostgreSQL kept in one folder: migrate, seed, extract, transform, test, then what it built. ' +
      'Run it again for an incremental run with a few new orders; delete the folder to start over. It reads none of your .env: only the project\'s elt.yml and sql/ and, from the environment, ELT_HASH_KEY, ELT_TIMEZONE and LOG_LEVEL.',
    examples: ['elt demo', 'elt demo --serve', 'elt demo --dir /tmp/elt-demo'],
  },
  args,
  async run({ args: parsed }) {
    if (!parsed.dir.trim()) throw new UsageError('--dir needs a folder, e.g. --dir /tmp/elt-demo (see --help)');
    const port = portFlag(parsed.port);
    const dir = resolve(parsed.dir);
    let folder: DemoFolder | undefined;
    try {
      folder = openDemoFolder(dir);
      return await runDemo(folder, { serve: parsed.serve, port });
    } catch (error) {
      throw error instanceof DemoError || error instanceof EmbeddedPostgresError ? new UsageError(error.message) : error;
    } finally {
      folder?.release();
    }
  },
});

async function runDemo(folder: DemoFolder, options: { serve: boolean; port: number | undefined }): Promise<number> {
  const started = Date.now();
  const warehouse = await startEmbeddedPostgres({ dataDir: folder.pgdata, port: options.port });
  try {
    const code = await runPipeline(folder, warehouse, { started, serving: options.serve });
    if (options.serve) await serve(warehouse);
    return code;
  } finally {
    await warehouse.stop();
  }
}

/** The demo's hash key when ELT_HASH_KEY is unset: fixed, so runs agree; it hides nothing (the demo's data is simulated). */
const DEMO_HASH_KEY = 'elt-demo-hash-key-not-a-secret';

/** migrate, seed, extract, transform, test and the figures, from a fresh simulator into the warehouse. */
async function runPipeline(folder: DemoFolder, warehouse: EmbeddedPostgres, options: { started: number; serving: boolean }): Promise<number> {
  const shown = displayPath(folder.dir);
  const odoo = await startDemoOdoo(folder.runs);
  // The demo's own settings, whatever .env says: it never touches the user's Odoo or database.
  const env = loadEnv({
    ODOO_URL: odoo.url, ODOO_DB: DEMO_LOGIN.db, ODOO_USERNAME: DEMO_LOGIN.login, ODOO_PASSWORD: DEMO_LOGIN.password, ODOO_TRANSPORT: 'jsonrpc',
    DATABASE_URL: warehouse.url, ELT_TIMEZONE: process.env.ELT_TIMEZONE, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // A project's hash_fields work in the demo too: with the user's key when set, else a fixed one (the data is simulated)
    ELT_HASH_KEY: process.env.ELT_HASH_KEY || DEMO_HASH_KEY,
  });
  // The demo's log file stays in its folder, with the rest of the demo.
  const output = decideOutput({ level: env.LOG_LEVEL, dir: folder.dir });
  const log = createCommandLogger(output, secretValues());
  const plan = planDemoProject(process.cwd(), (model) => odoo.store.info(model) !== undefined);
  const config = plan.config;
  const db = warehousePool(env.DATABASE_URL, config);
  const ctx: Context = { env, log, output, config, projectDir: process.cwd(), command: 'demo', db, close: () => db.end() };
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
    if (plan.missingStreams.length) {
      const models = plan.leftOut.length ? `, and so are the models that read them (${plan.leftOut.join(', ')}) and those built on these` : '';
      console.log(`  left out: elt.yml's stream(s) ${plan.missingStreams.join(', ')}, which the simulated Odoo does not have${models}`);
    }
    return await withWarehouseLock(ctx, async () => {
      await migrateStep(ctx);
      await loadSeeds(db, projectPlan(config).projectDir);
      const client = await connectOdoo(odooSettings(env), log);
      folder.record();
      const extractStarted = Date.now();
      const streams = await extractStep(ctx, {}, client);
      console.log(`\nExtract (Odoo -> raw tables):\n${formatExtractSummary(streams, (Date.now() - extractStarted) / 1000)}`);
      const transformStarted = Date.now();
      const models = await transformStep(ctx, { exclude: plan.exclude });
      console.log(`\nTransform (raw tables -> marts):\n${formatTransformSummary(models, (Date.now() - transformStarted) / 1000)}`);
      const tests = await runDataTests(db, { ...projectPlan(config), select: [], exclude: plan.exclude }, log);
      const passed = tests.every((t) => t.status === 'pass');
      const report = formatTestReport(tests);
      // A line per test is a screenful: the count line alone, unless one failed.
      console.log(`\nData tests (elt test):\n${passed ? report.split('\n').at(-1) : report}`);
      console.log(`\n${formatFigures(await collectFigures(db, odoo.clock.now()))}`);
      if (!options.serving) console.log(`\n${nextSteps(shown)}`);
      // As elt run ends: each failure again, whole (a list line is cut to the width), then the time.
      console.log(`\n${formatProblems(streams, models, (Date.now() - options.started) / 1000)}`);
      return [...streams, ...models].some((r) => r.status === 'failed') || !passed ? 1 : 0;
    });
  } finally {
    await ctx.close();
    await odoo.close();
  }
}

/** Keeps the warehouse up (the folder stays locked) until Ctrl-C or a TERM. */
async function serve(warehouse: EmbeddedPostgres): Promise<void> {
  console.log(
    [
      '',
      `The demo warehouse is up at ${warehouse.url} until Ctrl-C:`,
      `  psql ${warehouse.url} -c "select * from fact_sales limit 5"`,
      '  or point any PostgreSQL client at 127.0.0.1, port ' + warehouse.port + ', database postgres, user postgres, no password',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  console.log('Stopping the demo warehouse.');
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
  const say = (text: string) => wrap(text, 80).join('\n');
  return [
    say(`The demo warehouse stays in ${dir}/: run elt demo again for an incremental run, delete the folder to start over.`),
    say(`Look inside with psql or any PostgreSQL client: elt demo${dir === '.elt-demo' ? '' : ` --dir ${dir}`} --serve keeps it up and prints its address until Ctrl-C.`),
    'To load your own Odoo, copy .env.example to .env and set:',
    '  ODOO_URL=https://mycompany.odoo.com',
    '  ODOO_DB=mycompany',
    '  ODOO_USERNAME=elt@mycompany.com',
    "  ODOO_API_KEY=...   (or ODOO_PASSWORD; best: a read-only user's API key)",
    '  DATABASE_URL=postgres://elt@127.0.0.1:5432/warehouse',
    'then run: npx elt run',
  ].join('\n');
}
