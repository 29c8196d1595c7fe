import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/cli/logger.ts';
import { maskSecrets, secretValues } from '../../src/cli/secrets.ts';

describe('secret values', () => {
  it('are the Odoo password and key, PGPASSWORD, the hash key and the passwords inside ODOO_URL and DATABASE_URL', () => {
    const found = secretValues({
      ODOO_PASSWORD: 'odoo-pass',
      ELT_HASH_KEY: 'hash-key-0123456789abcdef',
      ODOO_API_KEY: 'odoo-key-123',
      PGPASSWORD: 'pg-env-pass',
      ODOO_URL: 'https://proxy:pr%23xy-pass@odoo.example.com',
      DATABASE_URL: 'postgres://elt:db-pass-9@127.0.0.1/warehouse',
      ODOO_DB: 'production',
    });
    expect(found.sort()).toEqual(['db-pass-9', 'hash-key-0123456789abcdef', 'odoo-key-123', 'odoo-pass', 'pg-env-pass', 'pr#xy-pass']);
    expect(secretValues({ ODOO_PASSWORD: 'abc', DATABASE_URL: 'postgres://elt@host/db', ODOO_URL: 'not a url' })).toEqual([]);
  });

  it('are masked as written, URL-encoded and JSON-escaped', () => {
    const secret = 'p@ss"w/rd';
    const text = `a ${secret} b ${encodeURIComponent(secret)} c ${JSON.stringify(secret)}`;
    expect(maskSecrets(text, [secret])).toBe('a [redacted] b [redacted] c "[redacted]"');
  });

  it('a short all-word secret is masked as a whole word only; a long one anywhere', () => {
    expect(maskSecrets('terminating connection due to administrator command; login admin; pw=admin', ['admin']))
      .toBe('terminating connection due to administrator command; login [redacted]; pw=[redacted]');
    expect(maskSecrets('xxlongsecretvalue123yy', ['longsecretvalue123'])).toBe('xx[redacted]yy');
  });

  it('are masked by the logger in fields too, however nested', () => {
    const lines: string[] = [];
    const log = createLogger('info', ['hunter2-secret'], false, { write: (line: string) => lines.push(line) });
    log.error({ err: { message: 'connect to https://u:hunter2-secret@h failed' }, list: ['hunter2-secret'] }, 'failed');
    expect(lines.join('')).not.toContain('hunter2-secret');
    expect(JSON.parse(lines[0]!)).toMatchObject({ err: { message: 'connect to https://u:[redacted]@h failed' }, list: ['[redacted]'] });
  });
});
