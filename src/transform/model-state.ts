/** Model run history (`elt_model_runs`) and latest state (`elt_model_state`). */
import type { ModelResult } from './model-result.ts';
import type { Pool } from '../db/pool.ts';

export type { ModelResult } from './model-result.ts';

export async function recordModelRun(db: Pool, runId: number, result: ModelResult): Promise<void> {
  await db.query(
    `insert into elt_model_runs (run_id, model, status, rows, seconds, error) values ($1, $2, $3, $4, $5, $6)`,
    [runId, result.model, result.status, result.rows ?? 0, result.seconds, result.error ?? null],
  );
  await db.query(
    `insert into elt_model_state (model, materialized, last_run_at, last_success_at, status, rows, last_error)
     values ($1, $2, now(), case when $3 = 'success' then now() end, $3, $4, $5)
     on conflict (model) do update set materialized = excluded.materialized, last_run_at = now(),
       last_success_at = coalesce(excluded.last_success_at, elt_model_state.last_success_at),
       status = excluded.status, rows = excluded.rows, last_error = excluded.last_error`,
    [result.model, result.materialized, result.status, result.rows, result.error ?? null],
  );
}
