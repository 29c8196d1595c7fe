/**
 * Personal data kept joinable (README, "Personal data (GDPR)"): the fields a
 * stream's `hash_fields` names land as the keyed hash of their value,
 * HMAC-SHA-256 with ELT_HASH_KEY, in lowercase hex. Equal values give equal
 * hashes, so they still join and group; without the key a hash cannot be
 * checked against a guess, which a plain SHA-256 of an e-mail could.
 *
 * The value is hashed exactly as Odoo sends it (no trimming, no lowercasing):
 * anyone holding the key gets the same hash from the value Odoo shows, with
 * `encode(hmac(value, key, 'sha256'), 'hex')` (pgcrypto) or
 * `printf %s value | openssl dgst -sha256 -hmac key`. Odoo's `false` (empty)
 * stays `false`: an empty value is not personal data, and staging keeps it NULL.
 */
import { createHmac } from 'node:crypto';
import type { FieldInfo, OdooRecord } from '../odoo/client.ts';
import { ProjectConfigError } from './project-config.ts';

/** The Odoo field types whose values are text: nothing else can be hashed and still mean the same thing. */
export const HASHABLE_TYPES: readonly string[] = ['char', 'text', 'html', 'selection'];

/** Shorter keys are too easy to guess; 32 random bytes in hex is what the hint makes. */
export const MIN_HASH_KEY_LENGTH = 16;

/** How to make a key, said wherever one is missing or too short. */
export const HASH_KEY_HINT = 'make one with openssl rand -hex 32';

/** The secret, kept in a closure: what extract carries around cannot print it. */
export interface HashKey {
  /** Names the key in elt_stream_state (a different key, a different fingerprint) without revealing it. */
  readonly fingerprint: string;
  hash(value: string): string;
}

export function hashKey(secret: string): HashKey {
  const hash = (value: string): string => createHmac('sha256', secret).update(value, 'utf8').digest('hex');
  // An HMAC of a fixed text, truncated: change detection needs no more, and it is never a value's hash.
  return { fingerprint: hash('odoo-elt: ELT_HASH_KEY fingerprint').slice(0, 16), hash };
}

/**
 * The run's key when one of `streams` hashes fields, checked before anything
 * is touched: none there is a configuration error naming ELT_HASH_KEY and how
 * to make one (its length is checked with the other settings, cli/env.ts).
 */
export function runHashKey(streams: ReadonlyArray<{ readonly name: string; readonly hashFields: readonly string[] }>, secret: string | undefined): HashKey | undefined {
  const hashing = streams.filter((s) => s.hashFields.length > 0).map((s) => s.name);
  if (hashing.length > 0 && !secret) {
    throw new ProjectConfigError(
      `hash_fields of ${hashing.join(', ')} need ELT_HASH_KEY, which is not set: set it in the environment or in .env in the project folder to a secret of at least ${MIN_HASH_KEY_LENGTH} characters (${HASH_KEY_HINT})`,
    );
  }
  return secret ? hashKey(secret) : undefined;
}

/**
 * The key a stream's hashing uses, null when it hashes nothing. A run whose
 * streams hash without a key is refused before it starts (runHashKey); this
 * keeps any other caller from landing clear values.
 */
export function streamHashKey(stream: { readonly name: string; readonly hashFields: readonly string[] }, key: HashKey | undefined): HashKey | null {
  if (stream.hashFields.length === 0) return null;
  if (!key) throw new Error(`${stream.name}: hash_fields need ELT_HASH_KEY, which is not set`);
  return key;
}

/**
 * Replaces each of `fields` in every record by its keyed hash, in place (the
 * records are fresh from Odoo, and nothing else holds them). Text is hashed
 * as is; any other value (a selection keyed by number) as its JSON, so no
 * value is ever left in clear.
 */
export function hashRecords(records: readonly OdooRecord[], fields: readonly string[], key: HashKey): void {
  for (const record of records) {
    const values = record as Record<string, unknown>;
    for (const field of fields) {
      const value = values[field];
      if (value === false || value === null || value === undefined) continue;
      values[field] = key.hash(typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
}

/**
 * Odoo stores normalized copies of e-mails and phone numbers (mail's
 * `email_normalized`, phone_validation's `phone_sanitized`, on res.partner,
 * crm.lead and the like): hashing an e-mail or phone field hashes the copy
 * too, where the model has one, or the value would land in clear beside its
 * hash. The copy's hash is of Odoo's normalized value (lowercased, E.164).
 */
export function withNormalizedCopies(hashFields: readonly string[], fields: Readonly<Record<string, FieldInfo>>): string[] {
  const copies = [
    ...(hashFields.some((f) => f.includes('email')) ? ['email_normalized'] : []),
    ...(hashFields.some((f) => f.includes('phone') || f.includes('mobile')) ? ['phone_sanitized'] : []),
  ].filter((copy) => copy in fields);
  return [...new Set([...hashFields, ...copies])];
}

/**
 * Checked when the stream is planned, against what Odoo's `fields_get` says:
 * an unknown field is named as an unknown include field is (fields.ts), and
 * only text types can be hashed (a hashed number or date would no longer be one).
 */
export function checkHashFields(model: string, fields: Readonly<Record<string, FieldInfo>>, hashFields: readonly string[]): void {
  for (const name of hashFields) {
    const info = fields[name];
    if (!info) throw new ProjectConfigError(`stream ${model}: Odoo has no field ${name} on ${model} (check hash_fields)`);
    if (!HASHABLE_TYPES.includes(info.type)) {
      throw new ProjectConfigError(
        `stream ${model}: hash_fields: ${name} has type ${String(info.type)}; only ${HASHABLE_TYPES.slice(0, -1).join(', ')} and ${HASHABLE_TYPES.at(-1)} fields can be hashed (leave it out with exclude_fields instead)`,
      );
    }
  }
}
