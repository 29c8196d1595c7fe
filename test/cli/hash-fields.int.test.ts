/**
 * hash_fields through the real command line: `elt run` with e-mails and
 * phones hashed leaves no clear one in any byte it prints (logs at trace
 * level included) nor in any table, marts included; another ELT_HASH_KEY
 * fails the stream with its one line (exit 1) until `--full-refresh`; the
 * key itself is printed and stored nowhere.
 */
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { projectDir, spawnElt, type CliOutcome, type EnvOverrides } from '../support/cli.ts';
import { tablesText } from '../support/warehouse-text.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';

const PASSWORD = 'Hash-Cli-Pa55';
const KEY = 'cli-hash-key-0123456789abcdef';
const NEW_KEY = 'cli-new-hash-key-fedcba987654';
const REFUSED = 'ELT_HASH_KEY (or hash_fields) changed since the stream was landed: elt extract --full-refresh --streams res.partner re-lands it with the new key';
const ELT_YML = `streams:
  res.partner:
    hash_fields: [email, phone]
  res.users:
    hash_fields: [login]         # a portal user's login is their e-mail
  hr.employee:
    hash_fields: [work_email, work_phone, mobile_phone, private_email]
`;

let sim: Simulator;
let db: FreshDatabase;
let project: string;
let twins: [number, number];
const outputs: CliOutcome[] = [];

function hmac(key: string, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

async function elt(args: string[], overrides: EnvOverrides = {}): Promise<CliOutcome> {
  const env = { ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'elt', ODOO_PASSWORD: PASSWORD, DATABASE_URL: db.url, LOG_LEVEL: 'trace', ELT_HASH_KEY: KEY, ...overrides };
  const out = await spawnElt(args, env, project);
  outputs.push(out);
  return out;
}

/** Every e-mail and phone a partner has in the simulator, Odoo's normalized copies included (Odoo 19: no mobile, phone is all). */
function clearValues(): string[] {
  return sim.store.search('res.partner', [], { activeTest: false }).flatMap((id) => {
    const partner = sim.store.get('res.partner', id)!;
    return [partner.email, partner.phone, partner.email_normalized, partner.phone_sanitized].filter((v): v is string => typeof v === 'string');
  });
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, version: 19, scale: 0.02, seed: 11, users: [{ login: 'elt', password: PASSWORD }] });
  db = await freshDatabase();
  project = projectDir({ 'elt.yml': ELT_YML, 'sql/staging/hash_probe.sql': '-- materialized: view\nselect 1 as id' });
  const customers = sim.store.search('res.partner', [['email', '!=', false]], { activeTest: false, order: 'id' });
  twins = [customers[0]!, customers.at(-1)!];
  sim.write('res.partner', [twins[1]], { email: sim.store.get('res.partner', twins[0])!.email });
});

afterAll(async () => {
  await db?.drop();
  await sim?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('hash_fields on the command line', () => {
  it('elt run lands and builds the marts with hashes only', async () => {
    const run = await elt(['run']);
    expect(run.code, run.stdout.slice(-1500)).toBe(0);
    expect(run.stdout).toMatch(/^ {2}OK {4}res\.partner /m);
    expect(run.stdout).toMatch(/^ {2}OK {4}dim_customers /m);
    const email = String(sim.store.get('res.partner', twins[0])!.email);
    const { rows } = await db.pool.query(`select customer_id, email from dim_customers where customer_id = any($1) order by customer_id`, [twins]);
    expect(rows).toEqual(twins.map((id) => ({ customer_id: id, email: hmac(KEY, email) })));
  });

  it('another key fails the stream with its line, exit 1; --full-refresh re-lands it with the new key', async () => {
    const refused = await elt(['extract', '--streams', 'res.partner,uom.uom'], { ELT_HASH_KEY: NEW_KEY });
    expect(refused.code).toBe(1);
    const lines = refused.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`  FAIL  res.partner  ${REFUSED}`.slice(0, 78) + '…');
    expect(lines).toContain(`  res.partner: ${REFUSED}`);
    expect(lines.at(-1)).toMatch(/^Done in \d+\.\d s with 1 failure\.$/);
    expect(refused.stdout).toMatch(/^ {2}OK {4}uom\.uom /m);

    const again = await elt(['extract', '--full-refresh', '--streams', 'res.partner'], { ELT_HASH_KEY: NEW_KEY });
    expect(again.code, again.stderr.slice(-500)).toBe(0);
    const { rows } = await db.pool.query(`select id, data ->> 'email' as email from raw_res_partner where id = any($1) order by id`, [twins]);
    const email = String(sim.store.get('res.partner', twins[0])!.email);
    expect(rows.map((r) => r.email)).toEqual([hmac(NEW_KEY, email), hmac(NEW_KEY, email)]);
    expect((await elt(['extract', '--streams', 'res.partner'], { ELT_HASH_KEY: NEW_KEY })).code).toBe(0);
  });

  it('no clear e-mail or phone, nor the key, in any output or table', async () => {
    expect(outputs).toHaveLength(4);
    const values = clearValues();
    expect(values.length).toBeGreaterThan(50);
    expect(values.some((v) => /^\+\d+$/.test(v))).toBe(true);
    expect(sim.store.info('res.partner')!.fields.mobile).toBeUndefined();
    const printed = outputs.map((o) => o.stdout + o.stderr).join('\n');
    // What is searched is real: trace-level logs and every table.
    expect(printed).toContain('"msg":"connected to Odoo"');
    const tables = await tablesText(db.pool);
    expect(tables.includes(String(sim.store.get('res.partner', twins[0])!.name))).toBe(true);
    // (booleans, not toContain: a failure must not print the whole warehouse)
    expect(values.filter((v) => printed.includes(v) || tables.includes(v))).toEqual([]);
    expect([KEY, NEW_KEY].filter((k) => printed.includes(k) || tables.includes(k))).toEqual([]);
  });
});
