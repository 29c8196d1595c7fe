/**
 * `elt` against an Odoo served over HTTPS with a self-signed certificate:
 * refused by default with one line naming certificate verification and what
 * to set; accepted with NODE_EXTRA_CA_CERTS (a private CA) or with
 * ODOO_TLS_INSECURE=true, which logs a warning on every command.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnElt, type CliOutcome } from '../support/cli.ts';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { selfSignedCertificate, type SelfSigned } from '../support/tls.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'Tls-Test-Secret-7';
const WARNING = "ODOO_TLS_INSECURE=true: Odoo's TLS certificate is not verified, so anyone on the network path could read or alter the data and the credentials";

let cert: SelfSigned;
let sim: Simulator;
let db: FreshDatabase;

function elt(args: string[], env: Record<string, string> = {}): Promise<CliOutcome> {
  return spawnElt(args, {
    ODOO_URL: sim.url,
    ODOO_DB: sim.db,
    ODOO_USERNAME: 'elt',
    ODOO_PASSWORD: SECRET,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'warn',
    ...env,
  }, root);
}

/** The `msg` of each JSON log line. */
function messages(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => (JSON.parse(line) as { msg: string }).msg);
}

async function users(): Promise<number> {
  return (await db.pool.query<{ n: number }>('select count(*)::int as n from raw_res_users')).rows[0]!.n;
}

beforeAll(async () => {
  cert = selfSignedCertificate();
  sim = await startSimulator({ now: SIM_NOW, scale: 0.05, seed: 4, tls: { key: cert.key, cert: cert.cert }, users: [{ login: 'admin', password: 'admin' }, { login: 'elt', password: SECRET }] });
  db = await freshDatabase();
  expect((await elt(['migrate'])).code).toBe(0);
});
afterAll(async () => {
  await db?.drop();
  await sim?.close();
  cert?.remove();
});

describe('TLS to Odoo', () => {
  it('a certificate that fails verification: one line naming it and what to set, exit 2, nothing landed', async () => {
    const out = await elt(['extract', '--streams', 'res.users']);
    const host = new URL(sim.url).host;
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `elt extract: cannot connect to Odoo at ${sim.url}: the TLS certificate of ${host} failed verification (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate): ` +
        "if the server uses a private CA, point NODE_EXTRA_CA_CERTS at the CA's PEM file, or set ODOO_TLS_INSECURE=true to skip verification (insecure)\n",
    });
    expect(await users()).toBe(0);
  });

  it('NODE_EXTRA_CA_CERTS trusts a private CA: verified, no warning', async () => {
    const out = await elt(['extract', '--streams', 'res.users'], { NODE_EXTRA_CA_CERTS: cert.certFile });
    expect(out.code, out.stderr).toBe(0);
    expect(messages(out.stderr)).not.toContain(WARNING);
    expect(await users()).toBe(sim.count('res.users', { activeTest: false }));
  });

  it('ODOO_TLS_INSECURE=true connects without verifying, and every command warns', async () => {
    await db.pool.query('truncate raw_res_users');
    const out = await elt(['extract', '--streams', 'res.users', '--full-refresh'], { ODOO_TLS_INSECURE: 'true' });
    expect(out.code, out.stderr).toBe(0);
    expect(messages(out.stderr)).toContain(WARNING);
    expect(await users()).toBe(sim.count('res.users', { activeTest: false }));
    // Even a command that does not call Odoo says so: the setting is on for every run.
    const migrate = await elt(['migrate'], { ODOO_TLS_INSECURE: 'true' });
    expect(migrate.code).toBe(0);
    expect(messages(migrate.stderr)).toEqual([WARNING]);
    expect(out.stderr + migrate.stderr).not.toContain(SECRET);
  });

  it('ODOO_TLS_INSECURE takes true or false only', async () => {
    expect(await elt(['extract'], { ODOO_TLS_INSECURE: 'yes' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'elt extract: ODOO_TLS_INSECURE "yes" is not true or false: fix it in the environment or in .env in the project folder (copy .env.example to .env)\n',
    });
    const off = await elt(['extract', '--streams', 'res.users'], { ODOO_TLS_INSECURE: 'false' });
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('failed verification (DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
