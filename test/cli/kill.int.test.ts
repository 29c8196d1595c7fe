/**
 * kill -9 at random moments: the real CLI (`node bin/elt.mjs`) runs extract,
 * transform or run against a simulated Odoo, is killed with SIGKILL after a
 * seeded random delay, and is run again to its end. Every rerun must start
 * (no lock left behind) and leave raw and marts exactly as a clean `elt run`
 * into a fresh database leaves them. The simulator's data changes between
 * rounds, so incremental passes and models are killed too, and the reference
 * is rebuilt for the new data.
 *
 * Delays are spread over the command's working time after its first log
 * line: measured on the clean reference run (per phase) at first, then on
 * the command's own last uninterrupted run; a few land before the first log
 * line (startup, lock, planning). What each kill interrupted is read from the
 * warehouse afterwards and printed at the end.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/simulator/generator/random.ts';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { startElt, type Line } from '../support/elt-process.ts';
import { changeRetailData } from '../support/retail-changes.ts';
import { digestDiff, warehouseDigest, type Scope } from '../support/warehouse-digest.ts';

const SECRET = 'Kill-9-Secret-Pass';
const rng = new Rng(20261124);
/** Each round: change Odoo's data (not before the first), rebuild the reference, then kill these commands. */
const ROUNDS: string[][][] = [
  [['run'], ['extract', '--full-refresh'], ['transform', '--full-refresh'], ['extract'], ['transform']],
  [['extract'], ['transform'], ['run'], ['transform', '--full-refresh'], ['extract', '--full-refresh']],
  [['run'], ['extract'], ['transform'], ['run', '--full-refresh'], ['transform']],
  [['extract'], ['transform'], ['extract', '--full-refresh'], ['run'], ['transform', '--full-refresh']],
];

let sim: Simulator;
let work: FreshDatabase;
let ref: FreshDatabase | undefined;
let configFile: string;
/** Per command: how long before its first log line, and how long it works after it, in a clean run (ms). */
let windows: { startup: number; run: number; extract: number; transform: number };
/** Per command line: how long its last uninterrupted run worked after its first log line (ms). */
const lastClean = new Map<string, number>();
const landed = new Map<string, number>();
const started = performance.now();

function env(url: string): Record<string, string> {
  return { ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'elt', ODOO_PASSWORD: SECRET, DATABASE_URL: url, ELT_CONFIG: configFile, LOG_LEVEL: 'info' };
}

/** A fresh reference database built by one clean `elt run`; returns the run's log lines and duration. */
async function buildReference(): Promise<{ lines: Line[]; ms: number }> {
  await ref?.drop();
  ref = await freshDatabase();
  const clean = startElt(['run'], env(ref.url));
  const exit = await clean.exited;
  expect(exit.code, exit.stderr.slice(-2000)).toBe(0);
  return { lines: clean.lines, ms: exit.ms };
}

function measureWindows({ lines, ms }: { lines: Line[]; ms: number }): typeof windows {
  const at = (pattern: RegExp, last = false) => (last ? lines.findLast((l) => pattern.test(l.text)) : lines.find((l) => pattern.test(l.text)))?.at ?? 0;
  const built = lines.filter((l) => /"msg":"built /.test(l.text));
  const first = lines[0]!.at;
  const transform = built.length > 1 ? ((built.at(-1)!.at - built[0]!.at) * built.length) / (built.length - 1) : 100;
  return {
    startup: first,
    run: ms - first,
    extract: at(/"msg":"extracted /, true) - at(/"msg":"warehouse migrated"/),
    transform,
  };
}

async function expectSameAsReference(scope: Scope): Promise<void> {
  const [actual, expected] = await Promise.all([warehouseDigest(work.pool, scope), warehouseDigest(ref!.pool, scope)]);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(await digestDiff(work.pool, ref!.pool, scope)).toEqual([]);
  expect(actual).toEqual(expected);
}

async function lastRunId(): Promise<number> {
  const { rows } = await work.pool.query(`select coalesce(max(id), 0)::int as id from elt_runs`).catch(() => ({ rows: [{ id: 0 }] }));
  return rows[0].id;
}

/** What the killed process was doing, read from the run history and stream state it left. */
async function interrupted(command: string, sinceRun: number): Promise<string> {
  const { rows: runs } = await work.pool
    .query<{ id: number; command: string; status: string }>(`select id::int, command, status from elt_runs where id > $1 order by id`, [sinceRun])
    .catch(() => ({ rows: [] as Array<{ id: number; command: string; status: string }> }));
  const current = runs.at(-1);
  if (!current) return 'before extract or transform began (startup, lock, migrate, seed, planning)';
  if (current.status !== 'running') {
    return command === 'run' && current.command === 'extract' ? 'run: between extract and transform' : 'after its last run-history write';
  }
  if (current.command === 'extract') {
    const { rows } = await work.pool.query(
      `select count(*) filter (where pass_last_id > 0)::int as landed, count(*) filter (where pass_last_id = 0)::int as begun from elt_stream_state`,
    );
    if (rows[0].landed > 0) return 'mid-extract: a pass open, pages landed (resumes from its last page)';
    if (rows[0].begun > 0) return 'mid-extract: a pass begun, no page landed yet';
    return 'mid-extract: between passes (high-water mark, delete detection or run history)';
  }
  const { rows } = await work.pool.query(`select count(*)::int as n from elt_model_runs where run_id = $1`, [current.id]);
  return `mid-transform: in the model after ${rows[0].n} built`;
}

/** Starts `args`, SIGKILLs it after a seeded random delay, reruns it to its end and checks the warehouse. */
async function killAndRerun(args: string[]): Promise<void> {
  const command = args[0] as 'run' | 'extract' | 'transform';
  const beforeFirstLine = rng.chance(0.15);
  const delay = rng.next() * (beforeFirstLine ? windows.startup : (lastClean.get(args.join(' ')) ?? windows[command]));
  const sinceRun = await lastRunId();
  const victim = startElt(args, env(work.url));
  if (!beforeFirstLine) await victim.waitForLine(/./);
  await sleep(delay);
  victim.child.kill('SIGKILL');
  const killed = await victim.exited;
  const where = killed.signal === 'SIGKILL' ? await interrupted(command, sinceRun) : `ended before the kill (exit ${killed.code})`;
  const bucket = `${command}: ${where.replace(/after \d+ built/, 'after k built')}`;
  landed.set(bucket, (landed.get(bucket) ?? 0) + 1);

  const again = startElt(args, env(work.url));
  const rerun = await again.exited;
  // The next kill of this command spreads over what it took to work here, after its first log line.
  if (again.lines[0]) lastClean.set(args.join(' '), rerun.ms - again.lines[0].at);
  // The killed run's lock died with its connection: the rerun must not be refused.
  expect(rerun.stderr).not.toContain('the warehouse is busy');
  expect(rerun.code, `${args.join(' ')} after a kill ${where}:\n${rerun.stderr.slice(-2000)}`).toBe(0);
  await expectSameAsReference(command === 'extract' ? 'raw' : 'all');
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.2, seed: 11, users: [{ login: 'admin', password: 'admin' }, { login: 'elt', password: SECRET }] });
  // Small pages, so an extract has many commits to be killed between.
  configFile = join(mkdtempSync(join(tmpdir(), 'elt-kill-')), 'elt.yml');
  writeFileSync(configFile, 'extract:\n  page_size: 100\n');
  work = await freshDatabase();
  // The first run migrates from nothing, so a kill can land in the migration too.
  await work.pool.query('drop schema drizzle cascade; drop schema public cascade; create schema public');
  windows = measureWindows(await buildReference());
}, 60_000);

afterAll(async () => {
  const kills = [...landed.values()].reduce((a, b) => a + b, 0);
  console.log(
    `kill -9: ${kills} kills and reruns in ${((performance.now() - started) / 1000).toFixed(0)} s ` +
      `(clean run: ${windows?.startup.toFixed(0)} ms to its first log line, then extract ${windows?.extract.toFixed(0)} ms, ` +
      `transform ${windows?.transform.toFixed(0)} ms, run ${windows?.run.toFixed(0)} ms)\n` +
      [...landed].sort().map(([where, n]) => `  ${String(n).padStart(2)}  ${where}`).join('\n'),
  );
  await work?.drop();
  await ref?.drop();
  await sim?.close();
});

describe('kill -9 at random moments', () => {
  for (const [round, commands] of ROUNDS.entries()) {
    it(`round ${round + 1}: ${commands.map((c) => c.join(' ')).join(', ')}; each killed, rerun, equal to a clean run`, async () => {
      if (round > 0) {
        expect(changeRetailData(sim, round)).toBeGreaterThan(5);
        await buildReference();
      }
      for (const args of commands) await killAndRerun(args);
    }, 180_000);
  }
});
