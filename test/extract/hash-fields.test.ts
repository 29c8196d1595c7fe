import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseProjectConfig, ProjectConfigError } from '../../src/extract/project-config.ts';
import { resolveStreams } from '../../src/extract/streams.ts';
import { checkHashFields, hashKey, hashRecords, runHashKey, streamHashKey, withNormalizedCopies } from '../../src/extract/hash-fields.ts';

function error(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ProjectConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a configuration error');
}

const KEY = 'test-hash-key-0123456789';

describe('hash_fields in elt.yml', () => {
  it('are field names, sorted and once each; built-in streams hash nothing unless told', () => {
    const config = parseProjectConfig({ streams: { 'res.partner': { hash_fields: ['phone', 'email', 'phone'] }, 'x_store.region': {} } }, 'elt.yml');
    const streams = resolveStreams(config);
    expect(streams.find((s) => s.name === 'res.partner')).toMatchObject({ builtin: true, hashFields: ['email', 'phone'] });
    expect(streams.find((s) => s.name === 'x_store.region')!.hashFields).toEqual([]);
    expect(streams.find((s) => s.name === 'res.users')!.hashFields).toEqual([]);
  });

  it.each([
    [{ 'res.partner': { hash_fields: ['email'], exclude_fields: ['vat', 'email'] } }, 'elt.yml: streams.res.partner.hash_fields: email is also in exclude_fields (a field is either left out or landed hashed: keep it in one list)'],
    [{ 'res.partner': { hash_fields: ['E-mail'] } }, 'elt.yml: streams.res.partner.hash_fields.0: must be a field name such as x_brand_id'],
    [{ 'res.partner': { hash_fields: 'email' } }, 'elt.yml: streams.res.partner.hash_fields: Invalid input: expected array, received string'],
    [{ 'res.partner': { hash_field: ['email'] } }, 'elt.yml: streams.res.partner: unknown key "hash_field": did you mean hash_fields? (expected one of enabled, domain, exclude_fields, include_fields, hash_fields)'],
  ])('refuse %o in one line', (streams, expected) => {
    expect(error(() => parseProjectConfig({ streams }, 'elt.yml'))).toBe(expected);
  });

  it('are checked against what Odoo says of the fields: unknown, or not text', () => {
    const fields = { email: { type: 'char' }, comment: { type: 'html' }, note: { type: 'text' }, lang: { type: 'selection' }, partner_latitude: { type: 'float' }, parent_id: { type: 'many2one' } };
    expect(() => checkHashFields('res.partner', fields, ['email', 'comment', 'note', 'lang'])).not.toThrow();
    expect(error(() => checkHashFields('res.partner', fields, ['email', 'mobile']))).toBe('stream res.partner: Odoo has no field mobile on res.partner (check hash_fields)');
    expect(error(() => checkHashFields('res.partner', fields, ['partner_latitude']))).toBe(
      'stream res.partner: hash_fields: partner_latitude has type float; only char, text, html and selection fields can be hashed (leave it out with exclude_fields instead)',
    );
    expect(error(() => checkHashFields('res.partner', fields, ['parent_id']))).toMatch(/^stream res\.partner: hash_fields: parent_id has type many2one; /);
  });
});

describe('the keyed hash', () => {
  it("take Odoo's normalized copies along: email_normalized with an e-mail, phone_sanitized with a phone or mobile, where the model has them", () => {
    const fields = { email: { type: 'char' }, phone: { type: 'char' }, email_normalized: { type: 'char' }, phone_sanitized: { type: 'char' }, work_email: { type: 'char' } };
    expect(withNormalizedCopies(['email', 'phone'], fields)).toEqual(['email', 'phone', 'email_normalized', 'phone_sanitized']);
    expect(withNormalizedCopies(['mobile'], fields)).toEqual(['mobile', 'phone_sanitized']);
    expect(withNormalizedCopies(['work_email'], { work_email: { type: 'char' } })).toEqual(['work_email']);
    expect(withNormalizedCopies(['vat', 'street'], fields)).toEqual(['vat', 'street']);
  });

  it('is HMAC-SHA-256 in lowercase hex (RFC 4231 test case 2)', () => {
    expect(hashKey('Jefe').hash('what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('replaces the fields in place: equal values, equal hashes; false stays false; nothing else is touched', () => {
    const key = hashKey(KEY);
    const records = [
      { id: 1, name: 'Ann', email: 'ann@example.com', phone: '+33 1 23 45 67 89', lang: 3 },
      { id: 2, name: 'Bob', email: 'ann@example.com', phone: false, lang: false },
      { id: 3, name: 'Cid', email: 'Ann@example.com', phone: null },
    ];
    hashRecords(records, ['email', 'phone', 'lang'], key);
    expect(records[0]!.email).toMatch(/^[0-9a-f]{64}$/);
    expect(records[1]!.email).toBe(records[0]!.email);
    // No normalisation: Odoo's value as it is (README says so).
    expect(records[2]!.email).not.toBe(records[0]!.email);
    expect(records[0]!.phone).toBe(key.hash('+33 1 23 45 67 89'));
    expect(records[0]!.lang).toBe(key.hash('3'));
    expect(records.map((r) => [r.id, r.name, r.phone === false, r.phone === null])).toEqual([[1, 'Ann', false, false], [2, 'Bob', true, false], [3, 'Cid', false, true]]);
    expect(records[1]!.lang).toBe(false);
    expect(hashKey('another-key-0123456789').hash('ann@example.com')).not.toBe(records[0]!.email);
  });

  it('has a fingerprint that tells keys apart and is neither the key nor a hash of a value', () => {
    const key = hashKey(KEY);
    expect(key.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(hashKey(KEY).fingerprint).toBe(key.fingerprint);
    expect(hashKey(`${KEY}x`).fingerprint).not.toBe(key.fingerprint);
    expect(key.fingerprint).not.toContain(KEY);
    expect(JSON.stringify(key)).not.toContain(KEY);
  });

  it('is required, before anything runs, only when a stream hashes', () => {
    const streams = [{ name: 'res.partner', hashFields: ['email'] }, { name: 'res.users', hashFields: ['email', 'phone'] }, { name: 'pos.order', hashFields: [] }];
    expect(error(() => runHashKey(streams, undefined))).toBe(
      'hash_fields of res.partner, res.users need ELT_HASH_KEY, which is not set: set it in the environment or in .env in the project folder to a secret of at least 16 characters (make one with openssl rand -hex 32)',
    );
    expect(runHashKey(streams.slice(2), undefined)).toBeUndefined();
    expect(runHashKey(streams, KEY)!.fingerprint).toBe(hashKey(KEY).fingerprint);
    expect(streamHashKey(streams[2]!, undefined)).toBeNull();
    expect(() => streamHashKey(streams[0]!, undefined)).toThrow('res.partner: hash_fields need ELT_HASH_KEY, which is not set');
  });
});

describe('the example elt init ships', () => {
  it('hashes the partner fields the README names, once its streams: block is uncommented', () => {
    const text = readFileSync(new URL('../../templates/project/elt.yml', import.meta.url), 'utf8');
    const block = text.slice(text.indexOf('# streams:'));
    const lines = block.slice(0, block.indexOf('\n\n')).split('\n').map((line) => line.replace(/^# ?/, ''));
    const config = parseProjectConfig(parse(lines.join('\n')), 'elt.yml');
    expect(config.streams.get('res.partner')).toMatchObject({ hashFields: ['email', 'mobile', 'phone', 'street', 'vat'], excludeFields: ['comment', 'street2'] });
  });
});
