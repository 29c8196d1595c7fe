/**
 * The folder that holds a demo: the embedded PostgreSQL's data (`pgdata/`),
 * the run history (`demo.json`: the time of every run, so the simulator can be
 * rebuilt exactly) and a lock file while a demo runs (one server per data
 * folder: a second demo would stop the first one's, taking it for an orphan).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemoError } from './demo-error.ts';
import { processAlive } from '../util/process-alive.ts';

export interface DemoFolder {
  readonly dir: string;
  /** The embedded PostgreSQL's data folder. */
  readonly pgdata: string;
  /** Every run's time, this one last: runs[0] anchors the simulated company's data. */
  readonly runs: readonly Date[];
  /**
   * Records this run in demo.json: called once it starts landing data, so a
   * run refused before (a port in use, a bad elt.yml) is not replayed as one.
   */
  record(): void;
  /** Removes the lock file. */
  release(): void;
}

const STATE_FILE = 'demo.json';
const LOCK_FILE = 'demo.lock';

/**
 * Locks `dir` (creating it, with a state file listing the runs so far, which
 * marks it as a demo's). This run is added by `record()`, before anything
 * lands: a run that fails half-way is still replayed by the next one, so the
 * next simulator holds what this one may have landed.
 */
export function openDemoFolder(dir: string, now: Date = new Date()): DemoFolder {
  const statePath = join(dir, STATE_FILE);
  if (existsSync(dir) && !existsSync(statePath) && readdirSync(dir).length > 0) {
    throw new DemoError(`${dir} is not empty and holds no elt demo: pick another --dir`);
  }
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, LOCK_FILE);
  lock(lockPath, dir);
  try {
    const previous = existsSync(statePath) ? readRuns(statePath) : [];
    // The clock only moves on, even if this machine's clock went back.
    const last = previous.at(-1);
    const at = last && now.getTime() <= last.getTime() ? new Date(last.getTime() + 1000) : now;
    const runs = [...previous, new Date(Math.floor(at.getTime() / 1000) * 1000)];
    const write = (list: readonly Date[]) => writeFileSync(statePath, `${JSON.stringify({ runs: list.map((d) => d.toISOString()) }, null, 2)}\n`);
    if (!existsSync(statePath)) write(previous);
    return { dir, pgdata: join(dir, 'pgdata'), runs, record: () => write(runs), release: () => rmSync(lockPath, { force: true }) };
  } catch (error) {
    rmSync(lockPath, { force: true });
    throw error;
  }
}

function lock(lockPath: string, dir: string): void {
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(lockPath, 'utf8'));
  if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
    throw new DemoError(`another elt demo (process ${holder}) is using ${dir}: wait for it to end`);
  }
  writeFileSync(lockPath, String(process.pid)); // left by a demo that was killed
}

function readRuns(statePath: string): Date[] {
  try {
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as { runs?: unknown };
    // No run yet is a state too: a first run refused before it landed anything.
    const runs = Array.isArray(state.runs) ? state.runs.map((r) => new Date(String(r))) : null;
    if (runs && runs.every((d) => Number.isFinite(d.getTime()))) return runs;
  } catch {
    // reported below
  }
  throw new DemoError(`${statePath} is not an elt demo state file: delete its folder to start the demo over`);
}
