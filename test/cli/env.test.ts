import { describe, expect, it } from 'vitest';
import { databaseUrl, loadEnv, odooSettings } from '../../src/cli/env.ts';
import { UsageError } from '../../src/cli/errors.ts';

const good = {
  ODOO_URL: 'https://odoo.example.com/',
  ODOO_DB: 'prod',
  ODOO_USERNAME: 'elt',
  ODOO_PASSWORD: 's3cret-pw',
  DATABASE_URL: 'postgres://elt@localhost/wh',
};

function message(env: Record<string, string>, use: (e: ReturnType<typeof loadEnv>) => unknown = () => {}): string {
  try {
    use(loadEnv(env));
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
  });

  it('prefers the API key to the password', () => {
    expect(odooSettings(loadEnv({ ...good, ODOO_API_KEY: 'key-123456' })).secret).toBe('key-123456');
  });

  it.each([
    [{ ODOO_RETRIES: '2.5' }, 'configuration error: ODOO_RETRIES must be a whole number'],
    [{ ODOO_RETRIES: '50' }, 'configuration error: ODOO_RETRIES must be at most 20'],
    [{ ODOO_URL: 'ftp://odoo' }, 'configuration error: ODOO_URL must be an http(s) URL such as https://odoo.example.com'],
    [{ ODOO_URL: 'not a url' }, 'configuration error: ODOO_URL must be an http(s) URL such as https://odoo.example.com'],
    [{ ODOO_TRANSPORT: 'soap' }, 'configuration error: ODOO_TRANSPORT must be one of auto, xmlrpc, jsonrpc, json2'],
    [{ LOG_LEVEL: 'loud' }, 'configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ ELT_TIMEZONE: 'Mars/Olympus' }, 'configuration error: ELT_TIMEZONE must be an IANA time zone name such as Europe/Brussels'],
    [{ DATABASE_URL: 'mysql://x' }, 'configuration error: DATABASE_URL must be a PostgreSQL URL such as postgres://user@host:5432/warehouse'],
    [{ ODOO_TIMEOUT_SECONDS: '-3' }, 'configuration error: ODOO_TIMEOUT_SECONDS must be a positive number of seconds'],
  ])('rejects %o with one line naming the variable', (bad, expected) => {
    expect(message({ ...good, ...bad })).toBe(expected);
  });

  it.each(['ODOO_URL', 'ODOO_DB', 'ODOO_USERNAME'])('names a missing %s', (name) => {
    const env: Record<string, string> = { ...good };
    delete env[name];
    expect(message(env, odooSettings)).toBe(`configuration error: ${name} is not set (see .env.example)`);
  });

  it('asks for a password or an API key, and never prints one', () => {
    const { ODOO_PASSWORD: _, ...rest } = good;
    expect(message(rest, odooSettings)).toBe('configuration error: set ODOO_PASSWORD or ODOO_API_KEY (see .env.example)');
    expect(message({ ...good, LOG_LEVEL: 'x' })).not.toContain('s3cret-pw');
  });

  it('treats blank values as unset', () => {
    expect(message({ ...good, ODOO_DB: '  ' }, odooSettings)).toBe('configuration error: ODOO_DB is not set (see .env.example)');
  });

  it('takes the libpq PG* variables when DATABASE_URL is unset', () => {
    const { DATABASE_URL: _, ...rest } = good;
    expect(databaseUrl(loadEnv(rest), { PGHOST: 'db' })).toBeUndefined();
    expect(() => databaseUrl(loadEnv(rest), {})).toThrow('configuration error: DATABASE_URL is not set (or set the libpq PGHOST/PGDATABASE variables)');
  });
});
