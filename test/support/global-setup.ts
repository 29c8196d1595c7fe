/**
 * vitest globalSetup of the `integration` project: one PostgreSQL per run (see
 * test-server.ts for which) and one migrated template database that every test
 * file clones (see database.ts).
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.ts';
import { databaseUrl, quoteIdent, randomSuffix, redactUrl } from './database-names.ts';
import { startTestServer, type TestServer } from './test-server.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** URL of the server's admin database, for CREATE / DROP DATABASE. */
    eltAdminUrl: string;
    /** The migrated template database the test files clone. */
    eltTemplateDb: string;
    /** Prefix of this run's per-file databases, so teardown can find leftovers. */
    eltTestDbPrefix: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomSuffix(8);
  const template = `elt_template_${runId}`;
  const testDbPrefix = `elt_test_${runId}_`;
  const server = await startTestServer(log);
  log(`PostgreSQL: ${server.description}`);

  try {
    await waitUntilAccepting(server.adminUrl, 30_000);
    await onServer(server.adminUrl, `create database ${quoteIdent(template)}`);
    const migrateStarted = Date.now();
    await migrate(databaseUrl(server.adminUrl, template));
    await sealTemplate(server.adminUrl, template);
    log(`template ${template} migrated in ${Date.now() - migrateStarted} ms`);
  } catch (error) {
    await cleanUp(server, template, testDbPrefix).catch(() => {});
    throw error;
  }

  project.provide('eltAdminUrl', server.adminUrl);
  project.provide('eltTemplateDb', template);
  project.provide('eltTestDbPrefix', testDbPrefix);
  return () => cleanUp(server, template, testDbPrefix);
}

/** The published port may accept before PostgreSQL does; a real query settles it. */
async function waitUntilAccepting(adminUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await onServer(adminUrl, 'select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL at ${redactUrl(adminUrl)} did not accept connections within ${timeoutMs} ms`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template:
 * forbid new connections and end any the migration left open.
 */
async function sealTemplate(adminUrl: string, template: string): Promise<void> {
  await onServer(adminUrl, `alter database ${quoteIdent(template)} with is_template true allow_connections false`);
  await onServer(
    adminUrl,
    `select pg_terminate_backend(pid, 10000) from pg_stat_activity where datname = '${template}' and pid <> pg_backend_pid()`,
  );
}

async function cleanUp(server: TestServer, template: string, testDbPrefix: string): Promise<void> {
  if (server.external) {
    // A shared server: drop what this run made, including files' databases a crash left behind.
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'select datname from pg_database where starts_with(datname, $1)',
        [testDbPrefix],
      );
      for (const { datname } of rows) await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
      const exists = await client.query('select 1 from pg_database where datname = $1', [template]);
      if (exists.rowCount) {
        await client.query(`alter database ${quoteIdent(template)} with is_template false`);
        await client.query(`drop database ${quoteIdent(template)} with (force)`);
      }
    } finally {
      await client.end();
    }
  }
  await server.stop();
}

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function log(message: string): void {
  console.log(`[integration db] ${message}`);
}
