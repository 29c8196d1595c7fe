/**
 * A session-level advisory lock, so two runs (extract or transform) never interleave on one
 * warehouse. PostgreSQL releases it when the holding connection ends, so a
 * killed run leaves nothing behind that blocks the next one.
 */
import { hostname } from 'node:os';
import { keepOnSever, type Pool } from './pool.ts';

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

/**
 * Who holds the warehouse lock, as far as this session may see: PostgreSQL's
 * pid always (pg_locks is public); the holder's application_name (an elt
 * names its lock session `elt <command> pid=<pid> host=<host>`) and when it
 * took the lock (its session's last state change: the lock session sits idle
 * from the lock on) only where pg_stat_activity shows them.
 */
export interface LockHolder {
  /** The holding session's backend pid in PostgreSQL. */
  readonly backendPid: number;
  /** The elt process holding it, when the session is an elt's lock session. */
  readonly elt: { readonly command: string | null; readonly pid: number; readonly host: string } | null;
  /** The session's application_name when it is not an elt's (null when empty or hidden). */
  readonly application: string | null;
  /** When it took the lock, `YYYY-MM-DD HH:MM:SS UTC`, and how long ago in seconds; null when hidden. */
  readonly since: { readonly utc: string; readonly seconds: number } | null;
}

/** Another session holds the warehouse lock. Exit 1: nothing is wrong with the setup, the warehouse is busy. */
export class WarehouseBusyError extends Error {
  constructor(readonly holder: LockHolder | null = null) {
    super(`the warehouse is busy: ${describeHolder(holder)}: try again when it ends`);
    this.name = 'WarehouseBusyError';
  }
}

/** `elt run (pid 4242 on host build-7) has held it since 2026-12-06 12:31:05 UTC (4 min)`, or as much of it as is known. */
export function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'another session holds its lock';
  const who = holder.elt
    ? `${['elt', holder.elt.command].filter(Boolean).join(' ')} (pid ${holder.elt.pid} on host ${holder.elt.host})`
    : `another session (pid ${holder.backendPid} in PostgreSQL${holder.application ? `, application_name ${holder.application}` : ''})`;
  return holder.since ? `${who} has held it since ${holder.since.utc} (${duration(holder.since.seconds)})` : `${who} holds it`;
}

/** `35 s`, `4 min`, `2 h 5 min`. */
function duration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** The application_name of an elt's lock session (PostgreSQL keeps 63 bytes of it: the host comes last). */
export function lockSessionName(command: string | undefined, pid = process.pid, host = hostname()): string {
  return `${['elt', command].filter(Boolean).join(' ')} pid=${pid} host=${host}`;
}

const SESSION_NAME = /^elt(?: (\S+))? pid=(\d+) host=(\S*)$/;

/** The session holding the warehouse lock in this database, or null when none does (any more). */
export async function warehouseLockHolder(db: Pool): Promise<LockHolder | null> {
  const { rows } = await db.query<{ pid: number; application: string | null; utc: string | null; seconds: number | null }>(
    `select l.pid, a.application_name as application,
            to_char(a.state_change at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC' as utc,
            extract(epoch from now() - a.state_change)::float8 as seconds
       from pg_locks l left join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and l.objsubid = 2 and l.classid::bigint = $1 and l.objid::bigint = $2
        and l.database = (select oid from pg_database where datname = current_database())
      limit 1`,
    [...WAREHOUSE_LOCK],
  );
  const row = rows[0];
  if (!row) return null;
  const named = row.application ? SESSION_NAME.exec(row.application) : null;
  return {
    backendPid: row.pid,
    elt: named ? { command: named[1] ?? null, pid: Number(named[2]), host: named[3] || 'unknown' } : null,
    application: named ? null : row.application || null,
    since: row.utc !== null && row.seconds !== null ? { utc: row.utc, seconds: row.seconds } : null,
  };
}

/**
 * The lock, named for `command` (what another run's refusal will say), or a
 * WarehouseBusyError naming its holder. A holder that ended between the
 * refusal and the look-up gets one more try.
 */
export async function takeWarehouseLock(db: Pool, command?: string): Promise<Lock> {
  for (let attempt = 0; ; attempt++) {
    const lock = await tryWarehouseLock(db, command);
    if (lock) return lock;
    const holder = await warehouseLockHolder(db);
    if (holder || attempt > 0) throw new WarehouseBusyError(holder);
  }
}

/**
 * The lock, or null when another session holds it. The session that takes it
 * names itself (application_name, see lockSessionName) in the same statement,
 * so whoever is refused next can say who holds it.
 */
export async function tryWarehouseLock(db: Pool, command?: string): Promise<Lock | null> {
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
    const { rows } = await client.query<{ ok: boolean }>(
      `select case when pg_try_advisory_lock($1, $2) then set_config('application_name', $3, false) is not null else false end as ok`,
      [...WAREHOUSE_LOCK, lockSessionName(command)],
    );
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
  const unkeep = keepOnSever(client);
  return {
    lost,
    async release() {
      stopWatching();
      unkeep();
      try {
        await client.query('select pg_advisory_unlock($1, $2)', [...WAREHOUSE_LOCK]);
        await client.query('reset application_name'); // back to the pool's name for its next user
        client.release();
        return true;
      } catch {
        client.release(true); // a lost connection already freed the lock
        return false;
      }
    },
  };
}
