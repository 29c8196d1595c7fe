/**
 * `signal` on the pipeline functions, as a scheduler cancelling a job uses it:
 * the call rejects with the signal's reason, the warehouse lock is free when
 * it does, nothing in flight commits, and the next call resumes to the same
 * warehouse a clean run builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { run, transform } from '../../src/index.ts';
import { tryWarehouseLock } from '../../src/db/lock.ts';
import { pipelineProject } from '../support/pipeline-project.ts';

/** The advisory lock the `blocked` model waits for: the test holds it, so the model is mid-build when the signal aborts. */
const BARRIER = '4242, 7';
const t = pipelineProject({ 'sql/blocked.sql': `-- materialized: table\nselect 1 as one from (select pg_advisory_xact_lock(${BARRIER})) as waited\n` });

/** Polls `check` until it holds (the test's own timeout bounds it). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await sleep(10);
}

async function expectLockFree(): Promise<void> {
  const lock = await tryWarehouseLock(t.db.pool);
  expect(lock).not.toBeNull();
  await lock!.release();
}

describe('a pipeline call given a signal', () => {
  it('already aborted: rejects with its reason before touching anything', async () => {
    const reason = new Error('job cancelled before it started');
    await expect(run({ projectDir: t.dir, env: t.odooEnv(), signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    const { rows } = await t.db.pool.query<{ n: number }>('select count(*)::int as n from elt_runs');
    expect(rows[0]!.n).toBe(0);
  });

  it('aborted mid-extract, Odoo sitting on a call: rejects with the reason, the lock already free; the next run lands everything', async () => {
    const controller = new AbortController();
    const reason = new Error('job cancelled');
    // Ten minutes: only the abort ends this call within the test's time.
    t.sim.injectFault({ kind: 'stall', ms: 600_000, model: 'pos.order.line', method: 'search_read' });
    const call = run({ projectDir: t.dir, env: t.odooEnv(), signal: controller.signal });
    call.catch(() => {});
    await until(() => t.sim.injected.some((fault) => fault.call === 'pos.order.line.search_read'));
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    await expectLockFree();
    expect(readFileSync(join(t.dir, 'logs/elt.log'), 'utf8')).toContain('run() stopped by its signal: what was written is kept whole and the next call resumes from there');

    const next = await run({ projectDir: t.dir, env: t.odooEnv() });
    expect(next.ok).toBe(true);
    const counts = await t.db.pool.query<{ lines: number; sales: number }>(
      "select (select count(*)::int from raw_pos_order_line) as lines, (select count(*)::int from fact_sales where source = 'pos') as sales",
    );
    expect(counts.rows[0]).toEqual({ lines: t.sim.count('pos.order.line'), sales: t.sim.count('pos.order') });
  });

  it('aborted mid-transform, a model mid-build: rejects with the reason, the lock already free, and the model never lands', async () => {
    await t.db.pool.query('drop table blocked'); // the run above built it
    const barrier = await t.db.pool.connect();
    try {
      await barrier.query(`select pg_advisory_lock(${BARRIER})`);
      const controller = new AbortController();
      const reason = new Error('job cancelled');
      const call = transform({ projectDir: t.dir, env: {}, select: ['blocked'], signal: controller.signal });
      call.catch(() => {});
      const waiting = async () =>
        (await t.db.pool.query(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%pg_advisory_xact_lock(${BARRIER})%'`)).rowCount === 1;
      await until(waiting);
      controller.abort(reason);
      await expect(call).rejects.toBe(reason);
      await expectLockFree();
      // The cut session's statement ends once it gets the barrier, and cannot commit.
      await barrier.query(`select pg_advisory_unlock(${BARRIER})`);
      await until(async () => !(await waiting()) && (await t.db.pool.query(`select 1 from pg_stat_activity where state = 'active' and query like '%pg_advisory_xact_lock(${BARRIER})%' and pid <> pg_backend_pid()`)).rowCount === 0);
      const { rows } = await t.db.pool.query<{ table: string | null }>(`select to_regclass('blocked')::text as table`);
      expect(rows[0]!.table).toBeNull();
    } finally {
      barrier.release();
    }
    // Not stopped, it builds.
    const built = await transform({ projectDir: t.dir, env: {}, select: ['blocked'] });
    expect(built.models.map((m) => [m.model, m.status])).toEqual([['blocked', 'success']]);
  });
});
