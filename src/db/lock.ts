/**
 * A session-level advisory lock, so two runs (extract or transform) never interleave on one
 * warehouse. PostgreSQL releases it when the holding connection ends, so a
 * killed run leaves nothing behind that blocks the next one.
 */
import type { Pool } from './pool.ts';

/** Arbitrary, fixed key: "elt" in ASCII, then a lock number. */
const WAREHOUSE_LOCK = [0x656c74, 1] as const;

export interface Lock {
  /**
   * Rejects with the connection's error if the session holding the lock ends
   * before release() (the server restarted, the backend was terminated): the
   * lock is then gone, and another run may take it.
   */
  readonly lost: Promise<never>;
  /** Unlocks; false when the session was already gone (and the lock with it). */
  release(): Promise<boolean>;
}

/** Another session holds the warehouse lock. Exit 1: nothing is wrong with the setup, the warehouse is busy. */
export class WarehouseBusyError extends Error {
  constructor() {
    super('another elt run, extract or transform is working on this warehouse (advisory lock held): try again when it ends');
    this.name = 'WarehouseBusyError';
  }
}

/** The lock, or null when another session holds it. */
export async function tryWarehouseLock(db: Pool): Promise<Lock | null> {
  const client = await db.connect();
  let fail: (error: Error) => void = () => {};
  const lost = new Promise<never>((_, reject) => {
    fail = reject;
  });
  lost.catch(() => {}); // callers that never race it must not see an unhandled rejection
  // The connection sits idle while the run works: losing it is an event, not a failed query.
  const onError = (error: Error) => fail(error);
  const onEnd = () => fail(new Error('Connection terminated unexpectedly'));
  client.on('error', onError);
  client.on('end', onEnd);
  const stopWatching = () => {
    client.off('error', onError);
    client.off('end', onEnd);
  };
  try {
    const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [...WAREHOUSE_LOCK]);
    if (!rows[0]!.ok) {
      stopWatching();
      client.release();
      return null;
    }
  } catch (error) {
    stopWatching();
    client.release(true);
    throw error;
  }
  return {
    lost,
    async release() {
      stopWatching();
      try {
        await client.query('select pg_advisory_unlock($1, $2)', [...WAREHOUSE_LOCK]);
        client.release();
        return true;
      } catch {
        client.release(true); // a lost connection already freed the lock
        return false;
      }
    },
  };
}
