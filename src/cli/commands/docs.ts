import { relative } from 'node:path';
import { defineCommand } from 'citty';
import { createPool } from '../../db/pool.ts';
import { buildDocs } from '../../docs/build.ts';
import { DEFAULT_HOST, DEFAULT_PORT, serveSite, type SiteServer } from '../../docs/serve.ts';
import { loadProjectConfig } from '../../extract/project-config.ts';
import { resolveStreams } from '../../extract/streams.ts';
import { databaseUrl, loadEnv, type Env } from '../env.ts';
import { UsageError } from '../errors.ts';
import { portFlag } from '../flags.ts';
import { projectPlan } from '../project.ts';
import { maskSecrets, secretValues } from '../secrets.ts';
import { firstLine, plural } from '../text.ts';
import { VERSION } from '../version.ts';

const args = {
  serve: { type: 'boolean', description: `then serve the site on http://${DEFAULT_HOST}:${DEFAULT_PORT}/ until Ctrl-C`, default: false },
  port: { type: 'string', description: `the port of --serve (default ${DEFAULT_PORT})`, valueHint: String(DEFAULT_PORT) },
} as const;

export const docsCommand = defineCommand({
  meta: {
    name: 'docs',
    description:
      "Write a static documentation site into the project's target/docs/.\n\n" +
      'Every model, staging view, seed and stream with its description, columns and types, tests and their last results, row counts, freshness, ' +
      'compiled SQL and lineage graph. Columns, row counts and freshness are read from the warehouse when it answers; without one the site still builds.',
    examples: ['elt docs', 'elt docs --serve', 'elt docs --serve --port 9000'],
  },
  args,
  async run({ args: parsed }) {
    const port = portFlag(parsed.port) ?? DEFAULT_PORT;
    if (parsed.port !== undefined && !parsed.serve) throw new UsageError('--port goes with --serve');
    const env = loadEnv();
    const config = loadProjectConfig(env.ELT_CONFIG);
    const plan = projectPlan(config);
    const enabledStreams = new Set(resolveStreams(config).map((s) => s.name));
    const warehouse = await openWarehouse(env);
    let site;
    try {
      site = await buildDocs({ ...plan, enabledStreams, warehouse, version: VERSION });
    } finally {
      if ('db' in warehouse) await warehouse.db.end();
    }
    const { manifest } = site;
    const count = (test: (id: string) => boolean) => manifest.nodes.filter((n) => test(n.id)).length;
    const tests = new Set(manifest.nodes.flatMap((n) => n.tests.map((t) => t.name))).size; // a singular test reading two models is one test
    const shown = relative(process.cwd(), site.dir) || '.';
    console.log(
      `wrote ${shown}/index.html: ${plural(count((id) => id.startsWith('model/')), 'model')}, ${plural(count((id) => id.startsWith('stream/')), 'stream')}, ` +
        `${plural(count((id) => id.startsWith('staging/')), 'staging view')}, ${plural(count((id) => id.startsWith('seed/')), 'seed')}, ${plural(tests, 'test')}`,
    );
    if (!manifest.warehouse.read) console.log(`no columns, row counts or freshness: ${manifest.warehouse.note}`);
    if (!parsed.serve) return 0;
    let server: SiteServer;
    try {
      server = await serveSite(site.dir, { port });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'EADDRINUSE' ? `port ${port} is in use: pick another with --port` : `cannot listen on ${DEFAULT_HOST}:${port}: ${firstLine(error)}`);
    }
    console.log(`serving ${shown} at ${server.url} (Ctrl-C to stop)`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
});

/**
 * The warehouse when it answers; otherwise why not, and the site is built
 * from the project's files alone (docs must work before the first run).
 */
async function openWarehouse(env: Env): Promise<{ db: ReturnType<typeof createPool> } | { note: string }> {
  let url: string | undefined;
  try {
    url = databaseUrl(env);
  } catch {
    return { note: 'DATABASE_URL is not set' };
  }
  // A warehouse that does not answer must not hold the docs up for libpq's 30 s.
  const db = createPool(url, 2, { connectTimeoutMs: 5_000 });
  try {
    await db.query('select 1');
    return { db };
  } catch (error) {
    await db.end().catch(() => {});
    return { note: maskSecrets(`cannot reach the warehouse (${firstLine(error)})`, secretValues()) };
  }
}
