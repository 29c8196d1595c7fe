/**
 * Hashes made with one key never match those of another: a stream whose rows
 * were landed with another ELT_HASH_KEY or another hash_fields list would mix
 * hashes that no longer join (or clear values with hashed ones). So before a
 * stream lands anything, its spec (hashed fields, key fingerprint) is compared
 * with the one its rows were landed with (elt_stream_state):
 * - the same, or a stream with no rows yet: it runs (a new spec is stored
 *   first, so a first extract killed halfway resumes without a full refresh);
 * - different, without --full-refresh: the stream fails with one line saying
 *   how to re-land it (the other streams still run);
 * - different, with --full-refresh: the spec is marked REHASHING, the full
 *   pass rewrites every row Odoo still has (it compares documents), the rows
 *   it could not read (gone from Odoo, or unreadable) lose the fields' old
 *   values, and only then is the new spec stored.
 */
import type { Pool } from '../db/pool.ts';
import { blankUnreadRows, hasRawRows, NO_HASHING, readHashSpec, REHASHING, sameHashSpec, writeHashSpec, type HashSpec } from '../db/hash-state.ts';
import { streamHashKey } from './hash-fields.ts';
import type { ExtractSettings, PlannedStream } from './stream-types.ts';

/** The line a stream fails with when its spec changed and the run is not a full refresh. */
export function hashSpecChanged(stream: string): string {
  return `ELT_HASH_KEY (or hash_fields) changed since the stream was landed: elt extract --full-refresh --streams ${stream} re-lands it with the new key`;
}

/**
 * Checks the stream's spec before it lands anything (throws when it changed
 * and this is no full refresh). Returns what to call once the stream has
 * landed in full: it finishes a change of spec, and says how many rows it
 * changed doing so.
 */
export async function guardHashSpec(db: Pool, stream: PlannedStream, settings: ExtractSettings): Promise<() => Promise<number>> {
  const current = currentSpec(stream, settings);
  const stored = await readHashSpec(db, stream.name);
  if (sameHashSpec(stored, current)) return async () => 0;
  if (!(await hasRawRows(db, stream.model))) {
    await writeHashSpec(db, stream.name, stream.model, current);
    return async () => 0;
  }
  if (!settings.fullRefresh) throw new Error(hashSpecChanged(stream.name));
  // Every field either spec hashes: on rows not re-read, each holds an old hash or a clear value.
  const touched = [...new Set([...stored.fields, ...current.fields])].sort();
  await writeHashSpec(db, stream.name, stream.model, { fields: touched, fingerprint: REHASHING });
  return async () => {
    const blanked = await blankUnreadRows(db, stream.name, stream.model, touched);
    await writeHashSpec(db, stream.name, stream.model, current);
    return blanked;
  };
}

function currentSpec(stream: PlannedStream, settings: ExtractSettings): HashSpec {
  const key = streamHashKey(stream, settings.hashKey);
  return key ? { fields: [...stream.hashFields].sort(), fingerprint: key.fingerprint } : NO_HASHING;
}
