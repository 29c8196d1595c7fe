/** Run history: one `elt_runs` row per command, one `elt_stream_runs` row per stream in it. */
import type { Pool } from './pool.ts';

export type RunStatus = 'running' | 'success' | 'failed';

export async function startRun(db: Pool, command: string): Promise<number> {
  const { rows } = await db.query<{ id: number }>(`insert into elt_runs (command) values ($1) returning id`, [command]);
  return Number(rows[0]!.id);
}

export async function finishRun(db: Pool, runId: number, status: RunStatus): Promise<void> {
  await db.query(`update elt_runs set status = $2, finished_at = now() where id = $1`, [runId, status]);
}

export interface StreamRunResult {
  readonly status: Exclude<RunStatus, 'running'> | 'skipped';
  readonly fetched: number;
  readonly changed: number;
  readonly deleted?: number;
  readonly restored?: number;
  readonly unreadable?: number;
  readonly error?: string;
}

/**
 * `elapsedMs`: how long the stream took, on this machine's monotonic clock.
 * Its start is placed on the database's clock (now() less that), as every other
 * timestamp of the run is: `elt status` computes lag as now() - started_at, and
 * a client clock off from the server's would show a lag that is wrong or negative.
 */
export async function recordStreamRun(db: Pool, runId: number, stream: string, elapsedMs: number, result: StreamRunResult): Promise<void> {
  await db.query(
    `insert into elt_stream_runs (run_id, stream, started_at, finished_at, status, fetched, changed, error, details)
     values ($1, $2, now() - $3::float8 * interval '1 millisecond', now(), $4, $5, $6, $7, $8)
     on conflict (run_id, stream) do update set finished_at = now(), status = excluded.status,
       fetched = excluded.fetched, changed = excluded.changed, error = excluded.error, details = excluded.details`,
    [runId, stream, elapsedMs, result.status, result.fetched, result.changed, result.error ?? null,
      result.deleted || result.restored || result.unreadable
        ? { deleted: result.deleted ?? 0, restored: result.restored ?? 0, unreadable: result.unreadable ?? 0 }
        : null],
  );
}
