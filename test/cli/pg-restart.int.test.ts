/**
 * PostgreSQL restarted in the middle of `elt run`. A test cannot restart the
 * machine's server, so the CLI reaches it through a TCP proxy that can do
 * what a restart does to clients: drop every connection and refuse new ones
 * for a while. The other half of `pg_ctl restart -m fast` is also tried:
 * pg_terminate_backend on the run's backends ("terminating connection due to
 * administrator command").
 *
 * Expected: one plain error line on stderr (the rest are JSON log lines, no
 * stack trace, no crash on an unheard 'error' event), exit 1, and the next run
 * completes with the warehouse equal to a clean run's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { runElt, startElt, type Exit } from '../support/elt-process.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { digestDiff, warehouseDigest } from '../support/warehouse-digest.ts';

const SECRET = 'Restart-Secret-Pass';
const LOST = /^elt run: lost the connection to the warehouse database \((.+)\): rerun when it is back$/;
let sim: Simulator;
let work: FreshDatabase;
let ref: FreshDatabase;
let proxy: TcpProxy;

function env(url: string): Record<string, string> {
  return { ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'elt', ODOO_PASSWORD: SECRET, DATABASE_URL: url, LOG_LEVEL: 'info' };
}

/** Every stderr line that is not a JSON log line. */
function plainLines(exit: Exit): string[] {
  return exit.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('{'));
}

/** The run failed in exactly one line, saying why; the reason is returned. */
function expectOneLostLine(exit: Exit): string {
  expect(exit.signal).toBeNull();
  expect(exit.code, exit.stderr.slice(-3000)).toBe(1);
  const plain = plainLines(exit);
  expect(plain, exit.stderr.slice(-3000)).toHaveLength(1);
  expect(plain[0]).toMatch(LOST);
  expect(exit.stderr.trimEnd().split('\n').at(-1)).toBe(plain[0]); // the last word, after the run's own logs
  for (const line of exit.stderr.split('\n').filter((l) => l.startsWith('{'))) expect(() => JSON.parse(line)).not.toThrow();
  return LOST.exec(plain[0]!)![1]!;
}

async function expectRerunEqualsCleanRun(): Promise<void> {
  const rerun = await runElt(['run'], env(proxy.via(work.url)));
  expect(rerun.code, rerun.stderr.slice(-3000)).toBe(0);
  expect(await digestDiff(work.pool, ref.pool)).toEqual([]);
  expect(await warehouseDigest(work.pool)).toEqual(await warehouseDigest(ref.pool));
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.2, seed: 13, users: [{ login: 'admin', password: 'admin' }, { login: 'elt', password: SECRET }] });
  [work, ref] = [await freshDatabase(), await freshDatabase()];
  const server = new URL(work.url);
  proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  const clean = await runElt(['run'], env(ref.url));
  expect(clean.code, clean.stderr.slice(-2000)).toBe(0);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await work?.drop();
  await ref?.drop();
  await sim?.close();
});

describe('PostgreSQL restarted in the middle of a run', () => {
  it('every connection dropped mid-extract, new ones refused for 1.5 s: one line, exit 1; the next run completes', async () => {
    const run = startElt(['run'], env(proxy.via(work.url)));
    // Streams have started landing: connections are open and busy.
    expect(await run.waitForLine(/"msg":"extracted /)).not.toBeNull();
    const outage = proxy.outage(1_500);
    const exit = await run.exited;
    await outage;
    expect(expectOneLostLine(exit)).toMatch(/^(Connection terminated unexpectedly|read ECONNRESET|connect ECONNREFUSED .+)$/);
    expect(exit.stdout).toBe(''); // no summary: the run did not end
    await expectRerunEqualsCleanRun();
  });

  it("the run's backends terminated mid-transform (pg_ctl restart -m fast): one line, exit 1; the next run completes", async () => {
    const run = startElt(['run', '--full-refresh'], env(proxy.via(work.url)));
    expect(await run.waitForLine(/"msg":"built dim_branches"/)).not.toBeNull();
    // Every backend of the run, as a restart would: its pool's, and the lock's (which names itself `elt run pid=...`).
    const { rows } = await ref.pool.query(
      `select count(*)::int as n from (select pg_terminate_backend(pid, 10000) from pg_stat_activity where datname = $1 and (application_name = 'odoo-elt' or application_name like 'elt %')) as t`,
      [new URL(work.url).pathname.slice(1)],
    );
    expect(rows[0].n).toBeGreaterThan(0);
    const exit = await run.exited;
    expect(expectOneLostLine(exit)).toBe('terminating connection due to administrator command');
    await expectRerunEqualsCleanRun();
  });
});
