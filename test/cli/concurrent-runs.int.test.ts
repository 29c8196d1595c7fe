/**
 * Two commands on one warehouse at once: the first to take the advisory lock
 * works, any other refuses with one line and exit 1 before writing anything
 * (busy is not a configuration error: exit 2 would tell a scheduler its setup
 * is broken, when the next tick will simply work).
 *
 * To make the overlap certain rather than a matter of timing, the test holds
 * an EXCLUSIVE lock on elt_runs: the run holding the warehouse lock blocks at
 * its first run-history insert until the test lets it go.
 */
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { runElt, startElt, type Exit } from '../support/elt-process.ts';

const SECRET = 'Concurrent-Secret-Pass';
/** The refusal of `elt <refused>` while `elt <holder>` (process `pid`) holds the lock: who, since when, for how long. */
function busy(refused: string, holder: string, pid: number | undefined): RegExp {
  const host = hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^elt ${refused}: the warehouse is busy: elt ${holder} \\(pid ${pid} on host ${host}\\) has held it since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(\\d+ s\\): try again when it ends$`,
  );
}
let sim: Simulator;
let db: FreshDatabase;

function env(): Record<string, string> {
  return { ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'elt', ODOO_PASSWORD: SECRET, DATABASE_URL: db.url, LOG_LEVEL: 'info' };
}

/** Holds an EXCLUSIVE lock on elt_runs (inserts wait, reads pass) until the returned function is called. */
async function blockRunHistory(): Promise<() => Promise<void>> {
  const client: pg.PoolClient = await db.pool.connect();
  await client.query('begin');
  await client.query('lock table elt_runs in exclusive mode');
  return async () => {
    await client.query('commit');
    client.release();
  };
}

async function runHistory(): Promise<Array<{ command: string; status: string; started: number; finished: number }>> {
  const { rows } = await db.pool.query(
    `select command, status, extract(epoch from started_at)::float8 as started, extract(epoch from finished_at)::float8 as finished from elt_runs order by id`,
  );
  return rows;
}

/** The one line a refused command prints: the only stderr line that is not a JSON log line. */
function plainLines(exit: Exit): string[] {
  return exit.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('{'));
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 9, users: [{ login: 'admin', password: 'admin' }, { login: 'elt', password: SECRET }] });
  db = await freshDatabase();
});

afterAll(async () => {
  await db?.drop();
  await sim?.close();
});

describe('two commands on one warehouse', () => {
  it('two elt run started together: one completes, the other refuses in one line, exit 1, having written nothing', async () => {
    const release = await blockRunHistory();
    const runs = [startElt(['run'], env()), startElt(['run'], env())];
    // The refused one ends on its own; the other waits on the test's lock, holding the warehouse lock.
    const first = await Promise.race(runs.map((r, i) => r.exited.then((exit) => ({ exit, i }))));
    await release();
    const second = await runs[1 - first.i]!.exited;

    expect(first.exit.code).toBe(1);
    expect(plainLines(first.exit)).toHaveLength(1);
    expect(plainLines(first.exit)[0]).toMatch(busy('run', 'run', runs[1 - first.i]!.child.pid));
    expect(first.exit.stdout).toBe('');
    expect(first.exit.stderr).not.toContain('warehouse migrated'); // refused before migrating or seeding
    expect(second.code, second.stderr.slice(-2000)).toBe(0);
    expect(plainLines(second)).toEqual([]);
    expect(second.stdout).not.toMatch(/migration|raw tables? ready/); // nothing to migrate: no line about it

    // The run history holds the winner's extract, then its transform, and nothing from the other.
    const history = await runHistory();
    expect(history.map((r) => `${r.command} ${r.status}`)).toEqual(['extract success', 'transform success']);
    expect(history[0]!.finished).toBeLessThanOrEqual(history[1]!.started);
  });

  it('extract and transform refuse while a run works, and work once it ended', async () => {
    const before = (await runHistory()).length;
    const release = await blockRunHistory();
    const run = startElt(['run'], env());
    // Logged under the lock: from here on the run holds it until it ends.
    expect(await run.waitForLine(/"msg":"warehouse migrated"/)).not.toBeNull();
    const [extract, transform] = await Promise.all([runElt(['extract'], env()), runElt(['transform'], env())]);
    await release();
    const done = await run.exited;

    expect(extract.code).toBe(1);
    expect(plainLines(extract)).toHaveLength(1);
    expect(plainLines(extract)[0]).toMatch(busy('extract', 'run', run.child.pid));
    expect(transform.code).toBe(1);
    expect(plainLines(transform)).toHaveLength(1);
    expect(plainLines(transform)[0]).toMatch(busy('transform', 'run', run.child.pid));
    expect(done.code, done.stderr.slice(-2000)).toBe(0);
    expect((await runHistory()).slice(before).map((r) => `${r.command} ${r.status}`)).toEqual(['extract success', 'transform success']);

    // The lock went with the run: the next command takes it.
    const after = await runElt(['transform', '--select', 'dim_products'], env());
    expect(after.code, after.stderr.slice(-2000)).toBe(0);
    expect(after.stdout).toMatch(/^1 model: 1 ok; /m);
  });
});
