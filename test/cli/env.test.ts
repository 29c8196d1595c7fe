import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, loadEnv, odooSettings, type Need } from '../../src/cli/env.ts';
import { UsageError } from '../../src/cli/errors.ts';
import { projectDir, runCliInProcess, type EnvOverrides } from '../support/cli.ts';

const good = {
  ODOO_URL: 'https://odoo.example.com/',
  ODOO_DB: 'prod',
  ODOO_USERNAME: 'elt',
  ODOO_PASSWORD: 's3cret-pw',
  DATABASE_URL: 'postgres://elt@localhost/wh',
};

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('environment configuration', () => {
  it('accepts a complete configuration and applies defaults', () => {
    const env = loadEnv(good);
    expect(env.ODOO_URL).toBe('https://odoo.example.com');
    expect(env.ODOO_TRANSPORT).toBe('auto');
    expect(env.ELT_TIMEZONE).toBe('UTC');
    expect(env.LOG_LEVEL).toBe('info');
    expect(odooSettings(env)).toMatchObject({ url: 'https://odoo.example.com', db: 'prod', login: 'elt', secret: 's3cret-pw', timeoutMs: 120_000, retries: 5 });
    expect(odooSettings(loadEnv({ ...good, ODOO_RETRIES: '0' })).retries).toBe(0);
    // The hash key is optional (runs with hash_fields ask for it: hash-fields.test.ts); 16 characters are enough.
    expect(loadEnv(good).ELT_HASH_KEY).toBeUndefined();
    expect(loadEnv({ ...good, ELT_HASH_KEY: '0123456789abcdef' }).ELT_HASH_KEY).toBe('0123456789abcdef');
  });

  it('prefers the API key to the password', () => {
    expect(odooSettings(loadEnv({ ...good, ODOO_API_KEY: 'key-123456' })).secret).toBe('key-123456');
  });

  // No .env here: the advice is to copy .env.example; with one, to read it.
  const FIX = 'in the environment or in .env in the project folder (copy .env.example to .env)';
  const noEnvFile = '/nonexistent/.env';
  const load = (source: Record<string, string>, needs: readonly Need[] = []) => loadEnv(source, noEnvFile, needs);

  it.each([
    [{ ODOO_RETRIES: '2.5' }, 'ODOO_RETRIES "2.5" is not a whole number from 0 to 20'],
    [{ ODOO_RETRIES: '50' }, 'ODOO_RETRIES "50" is not a whole number from 0 to 20'],
    [{ ODOO_URL: 'ftp://odoo' }, 'ODOO_URL is not an http(s) URL such as https://odoo.example.com'],
    [{ ODOO_URL: 'not a url' }, 'ODOO_URL is not an http(s) URL such as https://odoo.example.com'],
    [{ ODOO_TRANSPORT: 'soap' }, 'ODOO_TRANSPORT "soap" is not one of auto, xmlrpc, jsonrpc, json2'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL "loud" is not one of fatal, error, warn, info, debug, trace, silent'],
    [{ ELT_TIMEZONE: 'Mars/Olympus' }, 'ELT_TIMEZONE "Mars/Olympus" is not an IANA time zone name such as Europe/Brussels'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL is not a PostgreSQL URL such as postgres://user@host:5432/warehouse'],
    [{ ODOO_TIMEOUT_SECONDS: '-3' }, 'ODOO_TIMEOUT_SECONDS "-3" is not a positive number of seconds'],
    [{ ODOO_TLS_INSECURE: 'yes' }, 'ODOO_TLS_INSECURE "yes" is not true or false'],
    // A secret: its value is never shown.
    [{ ELT_HASH_KEY: 'too-short-key' }, 'ELT_HASH_KEY is not a secret of at least 16 characters (make one with openssl rand -hex 32)'],
  ])('rejects %o with one line naming the variable', (bad, expected) => {
    expect(message(() => load({ ...good, ...bad }))).toBe(`${expected}: fix it ${FIX}`);
  });

  it('names every missing setting the command needs in one line', () => {
    expect(message(() => load({}, ['odoo', 'warehouse']))).toBe(`missing settings ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY, DATABASE_URL: set them ${FIX}`);
    expect(message(() => load({}, ['warehouse']))).toBe(`missing setting DATABASE_URL: set it ${FIX}`);
    const { ODOO_DB: _, ODOO_PASSWORD: __, ...rest } = good;
    expect(message(() => load(rest, ['odoo', 'warehouse']))).toBe(`missing settings ODOO_DB, ODOO_PASSWORD or ODOO_API_KEY: set them ${FIX}`);
  });

  it('asks nothing of a command that needs nothing, nor Odoo of one that needs the warehouse only', () => {
    expect(load({}).LOG_LEVEL).toBe('info');
    expect(load({ DATABASE_URL: good.DATABASE_URL }, ['warehouse']).DATABASE_URL).toBe(good.DATABASE_URL);
  });

  it('lists missing and malformed settings together, several malformed ones too, and never a secret', () => {
    const text = message(() => load({ ODOO_PASSWORD: 's3cret-pw', ODOO_URL: 'https://elt:proxy-pw@odoo', LOG_LEVEL: 'loud', ODOO_RETRIES: 'x', DATABASE_URL: 'mysql://elt:db-pw@host/wh' }, ['odoo', 'warehouse']));
    expect(text).toBe(
      `missing settings ODOO_DB, ODOO_USERNAME; ODOO_RETRIES "x" is not a whole number from 0 to 20; DATABASE_URL is not a PostgreSQL URL such as postgres://user@host:5432/warehouse; LOG_LEVEL "loud" is not one of fatal, error, warn, info, debug, trace, silent: set them ${FIX}`,
    );
    for (const secret of ['s3cret-pw', 'proxy-pw', 'db-pw']) expect(text).not.toContain(secret);
    expect(message(() => load({ ...good, ODOO_URL: 'ftp://elt:proxy-pw@odoo' }))).not.toContain('proxy-pw');
  });

  it('says to read .env.example when a .env is there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'elt-env-'));
    try {
      writeFileSync(join(dir, '.env'), 'LOG_LEVEL=info\n');
      expect(message(() => loadEnv({}, join(dir, '.env'), ['warehouse']))).toBe('missing setting DATABASE_URL: set it in the environment or in .env in the project folder (see .env.example)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('odooSettings names every missing Odoo setting at once', () => {
    const { ODOO_URL: _, ODOO_USERNAME: __, ODOO_PASSWORD: ___, ...rest } = good;
    expect(message(() => odooSettings(load(rest), noEnvFile))).toBe(`missing settings ODOO_URL, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY: set them ${FIX}`);
  });

  it('treats blank values as unset', () => {
    expect(message(() => odooSettings(load({ ...good, ODOO_DB: '  ' }), noEnvFile))).toBe(`missing setting ODOO_DB: set it ${FIX}`);
  });

  it('takes the libpq PG* variables when DATABASE_URL is unset', () => {
    const { DATABASE_URL: _, ...rest } = good;
    expect(databaseUrl(loadEnv(rest), { PGHOST: 'db' })).toBeUndefined();
    expect(load({ ...rest, PGHOST: 'db' }, ['warehouse']).DATABASE_URL).toBeUndefined();
    expect(() => databaseUrl(loadEnv(rest), {}, noEnvFile)).toThrow(`missing setting DATABASE_URL: set it ${FIX}`);
  });
});

describe('elt with no settings at all', () => {
  const FIX = 'in the environment or in .env in the project folder (copy .env.example to .env)';
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  function elt(argv: string[], env: EnvOverrides = {}) {
    const dir = projectDir({});
    dirs.push(dir);
    return runCliInProcess(argv, env, dir);
  }

  it.each([
    [['extract'], 'elt extract: missing settings ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY, DATABASE_URL: set them'],
    [['run', '--full-refresh'], 'elt run: missing settings ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY, DATABASE_URL: set them'],
    [['verify'], 'elt verify: missing settings ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY, DATABASE_URL: set them'],
    [['status', '--odoo'], 'elt status: missing settings ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY, DATABASE_URL: set them'],
    [['status'], 'elt status: missing setting DATABASE_URL: set it'],
    [['transform'], 'elt transform: missing setting DATABASE_URL: set it'],
    [['migrate'], 'elt migrate: missing setting DATABASE_URL: set it'],
    [['seed'], 'elt seed: missing setting DATABASE_URL: set it'],
    [['test'], 'elt test: missing setting DATABASE_URL: set it'],
  ])('elt %j names every setting it needs, and only those, in one line, exit 2', async (argv, expected) => {
    expect(await elt(argv)).toEqual({ code: 2, stdout: '', stderr: `${expected} ${FIX}\n` });
  });

  it('a malformed value is named with the missing ones, its secret never', async () => {
    const out = await elt(['extract'], { ODOO_PASSWORD: 'pw-123456', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://elt:db-pw@host/wh' });
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'elt extract: missing settings ODOO_URL, ODOO_DB, ODOO_USERNAME; DATABASE_URL is not a PostgreSQL URL such as postgres://user@host:5432/warehouse; ' +
        `LOG_LEVEL "loud" is not one of fatal, error, warn, info, debug, trace, silent: set them ${FIX}\n`,
    });
  });
});
