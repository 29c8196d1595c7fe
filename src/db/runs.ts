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

export async function recordStreamRun(db: Pool, runId: number, stream: string, startedAt: Date, result: StreamRunResult): Promise<void> {
  await db.query(
    `insert into elt_stream_runs (run_id, stream, started_at, finished_at, status, fetched, changed, error, details)
     values ($1, $2, $3, now(), $4, $5, $6, $7, $8)
     on conflict (run_id, stream) do update set finished_at = now(), status = excluded.status,
       fetched = excluded.fetched, changed = excluded.changed, error = excluded.error, details = excluded.details`,
    [runId, stream, startedAt.toISOString(), result.status, result.fetched, result.changed, result.error ?? null,
      result.deleted || result.restored || result.unreadable
        ? { deleted: result.deleted ?? 0, restored: result.restored ?? 0, unreadable: result.unreadable ?? 0 }
        : null],
  );
}
