/**
 * Bad input, table-driven: each case is one line on stderr naming what is
 * wrong, where, and how to fix it, exit 2 (usage or configuration), and the
 * warehouse exactly as it was (every table's row count, and no new table).
 * SQL that PostgreSQL rejects while a model runs is a failure of that model
 * (exit 1, the model rolls back alone), checked apart at the end.
 */
import { createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { closedPort, ownModelsOnly, projectDir, runCliInProcess, spawnElt, tableCounts, type CliOutcome, type EnvOverrides } from '../support/cli.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';

const PASSWORD = 'Bad-Input-Pa55';
const API_KEY = 'bad-input-api-key-0123456789';
const HASH_KEY = 'bad-input-hash-key-0123456789';

let sim: Simulator;
let web: Server; // an HTTP server that is not Odoo: 404 and an HTML page for everything
let webUrl: string;
let db: FreshDatabase;
let bare: FreshDatabase; // never migrated
let refused: number; // a port nothing listens on
let empty: string; // a working directory with nothing in it
const dirs: string[] = [];

function env(overrides: EnvOverrides = {}, database = db): EnvOverrides {
  return { ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'elt', ODOO_PASSWORD: PASSWORD, DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...overrides };
}

function project(files: Record<string, string>): string {
  const dir = projectDir(ownModelsOnly(files));
  dirs.push(dir);
  return dir;
}

/** A small project whose models build tables the test owns. */
const models = {
  'sql/staging/bi_stg.sql': 'select 1 as id',
  'sql/marts/bi_ok.sql': "-- materialized: table\nselect id from {{ ref('bi_stg') }}",
  'sql/marts/bi_child.sql': "-- materialized: table\nselect id from {{ ref('bi_ok') }}",
  'sql/seeds/bi_codes.csv': 'branch_name,branch_code\nCentre,C1\n',
};

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, version: 19, scale: 0.02, seed: 5, users: [{ login: 'elt', password: PASSWORD, apiKey: API_KEY }] });
  web = createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<html><body><h1>Not Found</h1></body></html>');
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webUrl = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
  [db, bare, refused] = await Promise.all([freshDatabase(), freshDatabase(), closedPort()]);
  await bare.pool.query('drop schema drizzle cascade; drop schema public cascade; create schema public');
  empty = project({});
  // A warehouse with data in it, so "unchanged" means something.
  expect((await runCliInProcess(['migrate'], env(), empty)).code).toBe(0);
  const extracted = await runCliInProcess(['extract'], env(), empty);
  expect(extracted.code, extracted.stderr).toBe(0);
  await db.pool.query('create table bi_ok (id int); create table bi_child (id int); insert into bi_ok values (7)');
  const built = await runCliInProcess(['transform'], env(), project(models));
  expect(built.code, built.stderr).toBe(0);
});

afterAll(async () => {
  await db?.drop();
  await bare?.drop();
  await sim?.close();
  await new Promise((resolve) => web?.close(resolve));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Case {
  /** What is wrong. */
  readonly input: string;
  readonly argv: readonly string[];
  readonly env?: () => EnvOverrides;
  /** Project files (sql/, elt.yml); default an empty folder. */
  readonly files?: Record<string, string>;
  /** The one stderr line, exactly, or a pattern for what varies (ports). */
  readonly message: string | RegExp | ((cwd: string) => string | RegExp);
  /** The never-migrated database rather than the loaded one. */
  readonly bare?: boolean;
}

const yml = (text: string) => ({ 'elt.yml': text });

const cases: Case[] = [
  // Variables: missing or malformed, each named.
  { input: 'ODOO_URL missing', argv: ['extract'], env: () => env({ ODOO_URL: undefined }), message: 'elt extract: missing setting ODOO_URL: set it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_URL not http(s)', argv: ['extract'], env: () => env({ ODOO_URL: 'ftp://odoo.example.com' }), message: 'elt extract: ODOO_URL is not an http(s) URL such as https://odoo.example.com: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_URL not a URL', argv: ['extract'], env: () => env({ ODOO_URL: 'odoo.example.com' }), message: 'elt extract: ODOO_URL is not an http(s) URL such as https://odoo.example.com: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_DB missing', argv: ['extract'], env: () => env({ ODOO_DB: undefined }), message: 'elt extract: missing setting ODOO_DB: set it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_DB blank', argv: ['extract'], env: () => env({ ODOO_DB: '   ' }), message: 'elt extract: missing setting ODOO_DB: set it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_USERNAME missing', argv: ['extract'], env: () => env({ ODOO_USERNAME: undefined }), message: 'elt extract: missing setting ODOO_USERNAME: set it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'no password and no API key', argv: ['extract'], env: () => env({ ODOO_PASSWORD: undefined }), message: 'elt extract: missing setting ODOO_PASSWORD or ODOO_API_KEY: set it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'DATABASE_URL missing', argv: ['extract'], env: () => env({ DATABASE_URL: undefined }), message: 'elt extract: missing setting DATABASE_URL: set it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'DATABASE_URL not PostgreSQL', argv: ['extract'], env: () => env({ DATABASE_URL: 'mysql://elt@127.0.0.1/warehouse' }), message: 'elt extract: DATABASE_URL is not a PostgreSQL URL such as postgres://user@host:5432/warehouse: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ELT_TIMEZONE unknown', argv: ['transform'], env: () => env({ ELT_TIMEZONE: 'Mars/Olympus_Mons' }), files: models, message: 'elt transform: ELT_TIMEZONE "Mars/Olympus_Mons" is not an IANA time zone name such as Europe/Brussels: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'LOG_LEVEL unknown', argv: ['extract'], env: () => env({ LOG_LEVEL: 'loud' }), message: 'elt extract: LOG_LEVEL "loud" is not one of fatal, error, warn, info, debug, trace, silent: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_TRANSPORT unknown', argv: ['extract'], env: () => env({ ODOO_TRANSPORT: 'soap' }), message: 'elt extract: ODOO_TRANSPORT "soap" is not one of auto, xmlrpc, jsonrpc, json2: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_TIMEOUT_SECONDS not a number', argv: ['extract'], env: () => env({ ODOO_TIMEOUT_SECONDS: 'ten' }), message: 'elt extract: ODOO_TIMEOUT_SECONDS "ten" is not a positive number of seconds: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_TIMEOUT_SECONDS zero', argv: ['extract'], env: () => env({ ODOO_TIMEOUT_SECONDS: '0' }), message: 'elt extract: ODOO_TIMEOUT_SECONDS "0" is not a positive number of seconds: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_RETRIES negative', argv: ['extract'], env: () => env({ ODOO_RETRIES: '-1' }), message: 'elt extract: ODOO_RETRIES "-1" is not a whole number from 0 to 20: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_RETRIES fractional', argv: ['extract'], env: () => env({ ODOO_RETRIES: '2.5' }), message: 'elt extract: ODOO_RETRIES "2.5" is not a whole number from 0 to 20: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ODOO_RETRIES too many', argv: ['extract'], env: () => env({ ODOO_RETRIES: '99' }), message: 'elt extract: ODOO_RETRIES "99" is not a whole number from 0 to 20: fix it in the environment or in .env in the project folder (copy .env.example to .env)' },
  { input: 'ELT_CONFIG names no file', argv: ['extract'], env: () => env({ ELT_CONFIG: 'no-such.yml' }), message: 'elt extract: no-such.yml: cannot read the project config file (set ELT_CONFIG to an existing file)' },

  // Odoo: unreachable, not Odoo, refusing us.
  {
    input: 'Odoo unreachable (connection refused)', argv: ['extract'], env: () => env({ ODOO_URL: `http://127.0.0.1:${refused}`, ODOO_RETRIES: '0' }),
    message: () => new RegExp(`^elt extract: Odoo at http://127\\.0\\.0\\.1:${refused} did not answer: .*ECONNREFUSED.*: check ODOO_URL and that the server is up$`),
  },
  {
    input: 'a web server that is not Odoo', argv: ['extract'], env: () => env({ ODOO_URL: webUrl }),
    message: () => new RegExp(`^elt extract: cannot connect to Odoo at ${webUrl.replaceAll('.', '\\.')}: Odoo answered HTTP 404 Not Found on /\\S+: is ODOO_URL the Odoo server's root URL\\?$`),
  },
  { input: 'wrong database', argv: ['extract'], env: () => env({ ODOO_DB: 'prod_typo' }), message: () => `elt extract: cannot log in to Odoo at ${sim.url}: Odoo has no database "prod_typo": check ODOO_DB` },
  {
    input: 'wrong password', argv: ['extract'], env: () => env({ ODOO_PASSWORD: 'not-the-password' }),
    message: () => `elt extract: cannot log in to Odoo at ${sim.url}: Odoo rejected the login for user elt on database ${sim.db}: check ODOO_USERNAME and ODOO_PASSWORD (or ODOO_API_KEY)`,
  },
  {
    input: 'expired API key (JSON-2 401)', argv: ['extract'], env: () => env({ ODOO_API_KEY: 'revoked-key-9876543210', ODOO_TRANSPORT: 'json2' }),
    message: () => `elt extract: cannot log in to Odoo at ${sim.url}: Odoo rejected the API key for user elt on database ${sim.db}: check ODOO_API_KEY (it may have expired or been revoked) and ODOO_USERNAME`,
  },
  {
    input: 'JSON-2 asked of a server without it', argv: ['extract'], env: () => env({ ODOO_URL: webUrl, ODOO_API_KEY: API_KEY, ODOO_TRANSPORT: 'json2' }),
    message: () => `elt extract: cannot connect to Odoo at ${webUrl}: Odoo answered HTTP 404 Not Found on /json/2/res.users/context_get: this server has no JSON-2 API (Odoo 19 or later): set ODOO_TRANSPORT=jsonrpc or xmlrpc`,
  },

  // Streams and the project config.
  { input: 'unknown stream in --streams', argv: ['extract', '--streams', 'pos.order,pos.ordr'], message: 'elt extract: unknown stream "pos.ordr": did you mean pos.order? (streams are Odoo model names; add new ones under streams: in elt.yml)' },
  { input: 'unknown stream in elt run --streams', argv: ['run', '--streams', 'sale.ordre'], files: models, message: 'elt run: unknown stream "sale.ordre": did you mean sale.order, sale.order.line? (streams are Odoo model names; add new ones under streams: in elt.yml)' },
  {
    input: 'unknown field in a stream config', argv: ['extract', '--streams', 'res.partner'], files: yml('streams:\n  res.partner:\n    exclude_fields: [x_id_card]\n'),
    message: 'elt extract: stream res.partner: Odoo has no field x_id_card on res.partner (check exclude_fields/include_fields)',
  },
  {
    input: 'misspelt key in a stream config', argv: ['extract'], files: yml('streams:\n  res.partner:\n    domian: [["type", "=", "contact"]]\n'),
    message: 'elt extract: elt.yml: streams.res.partner: unknown key "domian": did you mean domain? (expected one of enabled, domain, exclude_fields, include_fields, hash_fields)',
  },
  {
    input: 'invalid domain', argv: ['extract'], files: yml('streams:\n  res.partner:\n    domain: [["type", "!==", "contact"]]\n'),
    message: 'elt extract: elt.yml: streams.res.partner.domain: invalid domain: position 0: unknown operator "!==" (expected one of =, !=, <, <=, >, >=, in, not in, like, ilike, =like, =ilike, not like, not ilike, child_of, parent_of)',
  },
  {
    input: 'domain leaf on an unknown field', argv: ['extract', '--streams', 'res.partner'], files: yml('streams:\n  res.partner:\n    domain: [["x_region", "=", "north"]]\n'),
    message: "elt extract: stream res.partner: the domain uses x_region, which is not a field of res.partner (check the stream's domain)",
  },
  {
    input: 'domain leaf on a non-stored field', argv: ['extract', '--streams', 'res.partner'], files: yml('streams:\n  res.partner:\n    domain: [["display_name", "ilike", "shop"]]\n'),
    message: 'elt extract: stream res.partner: the domain uses display_name, which is not stored: Odoo would ignore the leaf and return every record (filter on a stored field instead)',
  },
  {
    input: 'a stream named `x; drop table y`', argv: ['extract'], files: yml('streams:\n  "x; drop table y": {}\n'),
    message: 'elt extract: elt.yml: streams.x; drop table y: not an Odoo model name (lowercase words joined by dots, like product.brand)',
  },
  {
    input: 'a configured model Odoo lacks', argv: ['extract'], files: yml('streams:\n  x_store.region: {}\n'),
    message: "elt extract: stream x_store.region: Object x_store.region doesn't exist on this Odoo database (remove it from elt.yml or install its module)",
  },
  { input: 'elt.yml not YAML', argv: ['extract'], files: yml('streams: [\n'), message: /^elt extract: elt\.yml: line 2 is not valid YAML: .+[^:]$/ },

  // Personal data: hash_fields and their key.
  {
    input: 'hash_fields without ELT_HASH_KEY', argv: ['extract'], files: yml('streams:\n  res.partner:\n    hash_fields: [email, phone]\n'),
    message: 'elt extract: hash_fields of res.partner need ELT_HASH_KEY, which is not set: set it in the environment or in .env in the project folder to a secret of at least 16 characters (make one with openssl rand -hex 32)',
  },
  {
    input: 'ELT_HASH_KEY too short', argv: ['extract'], env: () => env({ ELT_HASH_KEY: 'short-key-123' }), files: yml('streams:\n  res.partner:\n    hash_fields: [email]\n'),
    message: 'elt extract: ELT_HASH_KEY is not a secret of at least 16 characters (make one with openssl rand -hex 32): fix it in the environment or in .env in the project folder (copy .env.example to .env)',
  },
  {
    input: 'a field both hashed and excluded', argv: ['extract'], env: () => env({ ELT_HASH_KEY: HASH_KEY }), files: yml('streams:\n  res.partner:\n    exclude_fields: [email]\n    hash_fields: [email, phone]\n'),
    message: 'elt extract: elt.yml: streams.res.partner.hash_fields: email is also in exclude_fields (a field is either left out or landed hashed: keep it in one list)',
  },
  {
    input: 'a hashed field that is not text', argv: ['extract', '--streams', 'res.partner'], env: () => env({ ELT_HASH_KEY: HASH_KEY }), files: yml('streams:\n  res.partner:\n    hash_fields: [email, partner_latitude]\n'),
    message: 'elt extract: stream res.partner: hash_fields: partner_latitude has type float; only char, text, html and selection fields can be hashed (leave it out with exclude_fields instead)',
  },
  {
    input: 'a hashed field Odoo lacks', argv: ['extract', '--streams', 'res.partner'], env: () => env({ ELT_HASH_KEY: HASH_KEY }), files: yml('streams:\n  res.partner:\n    hash_fields: [email, x_passport_no]\n'),
    message: 'elt extract: stream res.partner: Odoo has no field x_passport_no on res.partner (check hash_fields)',
  },

  // Models, selection, seeds.
  {
    input: 'a cycle between models', argv: ['transform'], files: { ...models, 'sql/marts/bi_ok.sql': "-- materialized: table\nselect id from {{ ref('bi_child') }}" },
    message: 'elt transform: the models form a cycle: sql/marts/bi_child.sql -> sql/marts/bi_ok.sql -> sql/marts/bi_child.sql',
  },
  {
    input: 'ref() to no model', argv: ['transform'], files: { ...models, 'sql/marts/bi_child.sql': "-- materialized: table\nselect id from {{ ref('bi_okk') }}" },
    message: "elt transform: sql/marts/bi_child.sql: ref('bi_okk') names no model, seed or staging view: did you mean bi_ok?",
  },
  {
    input: 'misspelt header key', argv: ['transform'], files: { ...models, 'sql/marts/bi_ok.sql': "-- materialised: table\nselect id from {{ ref('bi_stg') }}" },
    message: 'elt transform: sql/marts/bi_ok.sql:1: unknown header key "materialised" (expected one of materialized, unique_key, on_delete, on_schema_change, tags, tests, references, verify, strategy, updated_at, check_cols, hard_deletes, description)',
  },
  { input: 'unknown model in --select', argv: ['transform', '--select', 'bi_okay'], files: models, message: 'elt transform: unknown model "bi_okay" in --select: did you mean bi_ok?' },
  { input: 'bad --select grammar', argv: ['transform', '--select', 'bi_ok+2+'], files: models, message: 'elt transform: invalid selector "bi_ok+2+" in --select: misplaced "+": write +name, name+, 2+name or name+1' },
  { input: 'unknown selector method', argv: ['ls', '--select', 'owner:me'], files: models, message: 'elt ls: invalid selector "owner:me" in --select: unknown method "owner:" (use tag:, path:, file: or fqn:, or a bare model name)' },
  { input: '--exclude without a value', argv: ['transform', '--exclude'], files: models, message: 'elt transform: --exclude needs a value, e.g. --exclude tag:slow (see elt transform --help)' },
  { input: 'a CSV seed with a bad row', argv: ['seed'], files: { ...models, 'sql/seeds/bi_codes.csv': 'branch_name,branch_code\nCentre,C1\nNord\n' }, message: 'elt seed: sql/seeds/bi_codes.csv line 3: expected 2 columns, found 1' },
  { input: 'transform outside the project folder', argv: ['transform'], message: (cwd) => `elt transform: no sql/ folder in ${cwd}: run elt from the project folder (the one that holds sql/), or pass --project-dir` },

  // The command line itself.
  { input: 'unknown command', argv: ['extrct'], message: 'elt: unknown command "extrct": did you mean "extract"? (elt --help lists the commands)' },
  { input: 'unknown flag', argv: ['extract', '--ful-refresh'], message: 'elt extract: unknown option --ful-refresh: did you mean --full-refresh? (see elt extract --help)' },
  { input: 'a stray argument', argv: ['extract', 'pos.order'], message: 'elt extract: unexpected argument "pos.order" (options start with --; see elt extract --help)' },
  { input: '--streams without a value', argv: ['extract', '--streams'], message: 'elt extract: --streams needs a value, e.g. --streams pos.order,pos.order.line (see elt extract --help)' },
  {
    input: 'a verify header with bad grammar', argv: ['verify'], files: { ...models, 'sql/marts/bi_ok.sql': "-- materialized: table\n-- verify: id = total(pos.order.amount_total)\nselect id from {{ ref('bi_stg') }}" },
    message: `elt verify: sql/marts/bi_ok.sql: verify "id = total(pos.order.amount_total)" should read "<column> = sum(<odoo model>.<field> [where <field> = '<value>']) [where <column> = '<value>']", e.g. "amount_total = sum(pos.order.amount_total) where source = 'pos'"`,
  },

  // The warehouse.
  {
    input: 'DATABASE_URL: the server does not answer', argv: ['extract'], env: () => env({ DATABASE_URL: `postgres://elt@127.0.0.1:${refused}/warehouse` }),
    message: () => `elt extract: cannot reach the warehouse database: connect ECONNREFUSED 127.0.0.1:${refused} (check DATABASE_URL)`,
  },
  {
    input: 'DATABASE_URL: no such database', argv: ['migrate'], env: () => env({ DATABASE_URL: otherDatabase(db.url, 'elt_no_such_db') }),
    message: 'elt migrate: cannot migrate the warehouse database: database "elt_no_such_db" does not exist (check DATABASE_URL)',
  },
  { input: 'warehouse not migrated', argv: ['extract'], bare: true, env: () => env({}, bare), message: 'elt extract: the warehouse database is not migrated yet: run elt migrate first' },
  {
    input: 'elt run with a wrong password stops before migrating', argv: ['run'], bare: true, files: models, env: () => env({ ODOO_PASSWORD: 'not-the-password' }, bare),
    message: () => `elt run: cannot log in to Odoo at ${sim.url}: Odoo rejected the login for user elt on database ${sim.db}: check ODOO_USERNAME and ODOO_PASSWORD (or ODOO_API_KEY)`,
  },
  {
    input: 'elt run with hash_fields and no ELT_HASH_KEY stops before migrating', argv: ['run'], bare: true,
    files: { ...models, ...yml('streams:\n  res.partner:\n    hash_fields: [email]\n') }, env: () => env({}, bare),
    message: 'elt run: hash_fields of res.partner need ELT_HASH_KEY, which is not set: set it in the environment or in .env in the project folder to a secret of at least 16 characters (make one with openssl rand -hex 32)',
  },
  {
    input: 'elt run with a hashed field that is not text stops before migrating', argv: ['run'], bare: true,
    files: { ...models, ...yml('streams:\n  res.partner:\n    hash_fields: [customer_rank]\n') }, env: () => env({ ELT_HASH_KEY: HASH_KEY }, bare),
    message: 'elt run: stream res.partner: hash_fields: customer_rank has type integer; only char, text, html and selection fields can be hashed (leave it out with exclude_fields instead)',
  },
  {
    input: 'elt run with an unknown field in elt.yml stops before migrating', argv: ['run'], bare: true,
    files: { ...models, ...yml('streams:\n  res.partner:\n    include_fields: [x_shoe_size]\n') }, env: () => env({}, bare),
    message: 'elt run: stream res.partner: Odoo has no field x_shoe_size on res.partner (check exclude_fields/include_fields)',
  },
];

describe('bad input', () => {
  it('covers at least 30 inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.input, c] as const))('%s: one line, exit 2, nothing written', async (_input, c) => {
    const target = c.bare ? bare : db;
    const before = await tableCounts(target.pool);
    const cwd = c.files ? project(c.files) : empty;
    const out = await runCliInProcess([...c.argv], c.env ? c.env() : env(), cwd);
    const expected = typeof c.message === 'function' ? c.message(cwd) : c.message;
    expect(out.stdout).toBe('');
    expect(out.stderr.endsWith('\n') && out.stderr.split('\n').length === 2, `one line expected, got:\n${out.stderr}`).toBe(true);
    if (typeof expected === 'string') expect(out.stderr.trimEnd()).toBe(expected);
    else expect(out.stderr.trimEnd()).toMatch(expected);
    expect(out.code).toBe(2);
    expect(await tableCounts(target.pool)).toEqual(before);
  });
});

describe('SQL that PostgreSQL rejects while a model runs', () => {
  // Found only by running the model: a failure of that model (exit 1), which rolls back
  // alone; its descendants are skipped and independent models still run.
  it.each([
    ['a SQL syntax error', "-- materialized: table\nselect id,\nfrom {{ ref('bi_stg') }}", 'sql/marts/bi_ok.sql:3:1: syntax error at or near "from"'],
    ['columns that differ from the table', "-- materialized: table\nselect id, 1 as qty from {{ ref('bi_stg') }}", "sql/marts/bi_ok.sql: the SELECT's columns changed (new in the SELECT: qty): set on_schema_change: append_new_columns or sync_all_columns in its header, or rebuild the table with elt transform --full-refresh --select bi_ok"],
  ])('%s: the model fails with one line naming its file, exit 1, its table untouched', async (_input, sql, message) => {
    const files = { ...models, 'sql/marts/bi_ok.sql': sql, 'sql/marts/bi_other.sql': '-- materialized: view\nselect 2 as id' };
    const out = await runCliInProcess(['transform'], env(), project(files));
    expect(out.code).toBe(1);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ {2}FAIL {2}bi_ok +table {2}sql\/marts\/bi_ok\.sql/);
    expect(lines[1]).toBe('  SKIP  bi_child  table  bi_ok failed');
    expect(out.stdout).toMatch(/^ {2}OK {4}bi_other +view/m);
    // The failure's whole line at the end.
    expect(lines.slice(-5)).toEqual([
      expect.stringMatching(/^4 models: 2 ok, 1 failed, 1 skipped; /),
      '1 failed, 1 skipped:',
      `  bi_ok: ${message}`,
      '  bi_child: skipped, bi_ok failed',
      expect.stringMatching(/^Done in \d+\.\d s with 1 failure\.$/),
    ]);
    expect((await db.pool.query('select id from bi_ok')).rows).toEqual([{ id: 1 }]);
    const { rows } = await db.pool.query(`select error from elt_model_runs where model = 'bi_ok' order by run_id desc limit 1`);
    expect(rows[0].error).toBe(message);
  });
});

describe('the real process', () => {
  // Exit codes travel through bin/elt.mjs and process.exit, not only runCli's return value.
  it.each([
    ['unknown command', ['extrct'], {}, 'elt: unknown command "extrct": did you mean "extract"? (elt --help lists the commands)'],
    ['malformed variable', ['extract'], { ODOO_TIMEOUT_SECONDS: 'ten' }, 'elt extract: ODOO_TIMEOUT_SECONDS "ten" is not a positive number of seconds: fix it in the environment or in .env in the project folder (copy .env.example to .env)'],
    ['wrong password', ['extract'], { ODOO_PASSWORD: 'not-the-password' }, null],
  ])('%s: exit 2 and the one line on stderr', async (_input, argv, overrides, message) => {
    const before = await tableCounts(db.pool);
    const out: CliOutcome = await spawnElt(argv, env({ LOG_LEVEL: 'warn', ...overrides }), empty);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`${message ?? `elt extract: cannot log in to Odoo at ${sim.url}: Odoo rejected the login for user elt on database ${sim.db}: check ODOO_USERNAME and ODOO_PASSWORD (or ODOO_API_KEY)`}\n`);
    expect(await tableCounts(db.pool)).toEqual(before);
  });
});

function otherDatabase(url: string, name: string): string {
  const other = new URL(url);
  other.pathname = `/${name}`;
  return other.toString();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
