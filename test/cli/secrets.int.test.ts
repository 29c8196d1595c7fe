/**
 * No secret anywhere: every command runs as a real process with known
 * secrets (Odoo password and API key, a DATABASE_URL password, a proxy's
 * Basic-auth password in ODOO_URL, wrong and revoked ones too) at the most
 * verbose log level, succeeding and failing, and then every byte of stdout,
 * stderr and every row of every table of the warehouse is searched for them.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { closedPort, projectDir, spawnElt, type CliOutcome, type EnvOverrides } from '../support/cli.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { tablesText } from '../support/warehouse-text.ts';

const PASSWORD = 'Odoo-Pa55-s3cret-1';
const API_KEY = 'odoo-api-key-5ecret-0123456789abcdef';
const WRONG_PASSWORD = 'Wrong-Pa55-s3cret-2';
const REVOKED_KEY = 'revoked-api-key-5ecret-fedcba987654';
const PROXY_PASSWORD = 'Proxy#Pa55/s3cret:3'; // characters that URL-encode
const PG_PASSWORD = 'Pg-S3cret-xyz-4';
const SECRETS = [PASSWORD, API_KEY, WRONG_PASSWORD, REVOKED_KEY, PROXY_PASSWORD, PG_PASSWORD];

const repo = fileURLToPath(new URL('../..', import.meta.url));
let sim: Simulator;
let db: FreshDatabase;
let role: string;
let databaseUrl: string; // the warehouse, reached with a role that has a password
let refused: number;
let project: string;
const outputs: Array<{ label: string; out: CliOutcome }> = [];

/** Same server and database as `db`, as `role` with its password. */
function withRole(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

function env(overrides: EnvOverrides = {}): EnvOverrides {
  return { ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'elt', ODOO_PASSWORD: PASSWORD, DATABASE_URL: databaseUrl, LOG_LEVEL: 'trace', ...overrides };
}

async function elt(label: string, args: string[], overrides: EnvOverrides = {}, cwd = project): Promise<CliOutcome> {
  const out = await spawnElt(args, env(overrides), cwd);
  outputs.push({ label, out });
  return out;
}

/** Every occurrence of a secret, in any of the forms it could be written. */
function leaks(text: string): string[] {
  return SECRETS.flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)]).filter((form) => text.includes(form));
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, version: 19, scale: 0.02, seed: 11, users: [{ login: 'elt', password: PASSWORD, apiKey: API_KEY }] });
  db = await freshDatabase();
  refused = await closedPort();
  // A login role with a password works whatever the server's authentication (trust or scram).
  role = `elt_secret_${randomBytes(4).toString('hex')}`;
  await db.pool.query(`create role ${role} login superuser password '${PG_PASSWORD}'`);
  databaseUrl = withRole(db.url, role, PG_PASSWORD);
  project = projectDir({
    'sql/staging/stg_users.sql': "select u.id as user_id, u.data ->> 'login' as login from {{ source('res.users') }} as u",
    'sql/marts/broken_users.sql': "-- materialized: table\nselect user_id, no_such_column from {{ ref('stg_users') }}",
    'sql/seeds/codes.csv': 'branch_name,branch_code\nCentre,C1\n',
  });
});

afterAll(async () => {
  await db?.drop();
  if (role) {
    const admin = new pg.Client({ connectionString: inject('eltAdminUrl') });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`).finally(() => admin.end());
  }
  await sim?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('secrets', () => {
  // The commands run as real processes, a second or more each: split in steps so none nears the timeout.
  it('stay out of the first commands a user runs, a stream and a model failing on purpose', async () => {
    // In the order a user meets them.
    expect((await elt('migrate', ['migrate'])).code).toBe(0);
    expect((await elt('seed', ['seed'])).code).toBe(0);
    const json2 = await elt('extract over JSON-2 with the API key', ['extract'], { ODOO_API_KEY: API_KEY });
    expect(json2.code, json2.stderr.slice(-500)).toBe(0);
    sim.denyAccess('res.partner');
    const failing = await elt('extract with a failing stream', ['extract', '--streams', 'res.users,res.partner'], { ODOO_TRANSPORT: 'xmlrpc' });
    expect(failing.code).toBe(1);
    const transform = await elt('transform with a failing model', ['transform']);
    expect(transform.code).toBe(1);
  });

  it('stay out of a whole run, verify and the commands that read', async () => {
    expect((await elt('run', ['run'], { LOG_LEVEL: 'debug' })).code).toBe(1);
    expect((await elt('verify with a failing stream', ['verify'])).code).toBe(1);
    // Commands that only read, at once.
    const reads = await Promise.all([
      elt('--help', ['--help']),
      elt('ls', ['ls']),
      elt('test', ['test']),
      elt('dag', ['dag']),
      elt('status', ['status']),
      elt('status --json --odoo', ['status', '--json', '--odoo']),
    ]);
    expect(reads.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('stay out of the demo and of an Odoo URL that carries a proxy password', async () => {
    // Its own simulator and embedded PostgreSQL, in the project's .elt-demo/; it builds the project as elt run
    // would, so the model broken on purpose fails there too.
    const demo = await elt('demo', ['demo']);
    expect(demo.code, demo.stderr.slice(-300)).toBe(1);
    expect(demo.stdout).toMatch(/^ {2}FAIL {2}broken_users +table /m);
    expect((await elt('extract through a proxy with Basic auth', ['extract', '--streams', 'res.users'], {
      ODOO_URL: sim.url.replace('://', `://proxy-user:${encodeURIComponent(PROXY_PASSWORD)}@`),
    })).code).toBe(0);
  });

  it('stay out of the commands that fail before they write (exit 2)', async () => {
    const failures = await Promise.all([
      elt('wrong password', ['extract'], { ODOO_PASSWORD: WRONG_PASSWORD }),
      elt('revoked API key', ['extract'], { ODOO_API_KEY: REVOKED_KEY, ODOO_TRANSPORT: 'json2' }),
      elt('unreachable Odoo', ['extract'], { ODOO_URL: `http://127.0.0.1:${refused}`, ODOO_RETRIES: '1' }),
      elt('unreachable Odoo behind a proxy URL', ['extract'], { ODOO_URL: `http://proxy-user:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:${refused}`, ODOO_RETRIES: '0' }),
      elt('unreachable warehouse', ['extract'], { DATABASE_URL: withRole(`postgres://127.0.0.1:${refused}/warehouse`, role, PG_PASSWORD) }),
      elt('warehouse with a missing database', ['migrate'], { DATABASE_URL: withRole(db.url.replace(/\/[^/]*$/, '/elt_no_such_db'), role, PG_PASSWORD) }),
      elt('run from the repository with a wrong password', ['run'], { ODOO_PASSWORD: WRONG_PASSWORD }, repo),
    ]);
    expect(failures.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });

  it('appear in no byte of any output, at trace level', () => {
    expect(outputs).toHaveLength(22);
    // What the scan reads is real: logs at trace level, summaries, errors.
    const all = outputs.map(({ out }) => out.stdout + out.stderr).join('\n');
    expect(all).toContain('"msg":"connected to Odoo"');
    expect(all).toMatch(/Odoo call failed, retrying/);
    expect(all).toContain('cannot log in to Odoo');
    expect(all).toContain('did not answer');
    for (const { label, out } of outputs) expect(leaks(out.stdout + out.stderr), label).toEqual([]);
    // The logger's masking is a last line of defence: no message should have needed it.
    expect(all).not.toContain('[redacted]');
  });

  it('appear in no row of any table of the warehouse', async () => {
    const tables = await tablesText(db.pool);
    // (booleans, not toContain: a failure must not print the whole warehouse)
    expect(tables.includes('You are not allowed to access'), "the failed stream's error row").toBe(true);
    expect(tables.includes('sql/marts/broken_users.sql'), "the failed model's error row").toBe(true);
    expect(tables.includes('write_date'), 'the raw rows').toBe(true);
    expect(leaks(tables)).toEqual([]);
  });
});
