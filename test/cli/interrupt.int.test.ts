/**
 * Ctrl-C on the real CLI (`node bin/elt.mjs`): one line on stderr saying what
 * was interrupted and that the next run resumes, exit 130 (a TERM: 143), and
 * the sentence holds: the rerun ends with the warehouse a clean run builds.
 * The simulated Odoo answers each call 20 ms late and pages are small, so the
 * extract is surely running when the signal comes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { runElt, startElt, type Exit } from '../support/elt-process.ts';
import { digestDiff, warehouseDigest } from '../support/warehouse-digest.ts';

const SECRET = 'Interrupt-Secret-Pass';
const RESUMES = 'what was written is kept whole and the next';
let sim: Simulator;
let work: FreshDatabase;
let ref: FreshDatabase;
let configFile: string;

function env(url: string): Record<string, string> {
  return { ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'elt', ODOO_PASSWORD: SECRET, DATABASE_URL: url, ELT_CONFIG: configFile, LOG_LEVEL: 'info' };
}

/** stderr's last line, the one not a JSON log line. */
function lastLine(exit: Exit): string {
  return exit.stderr.trimEnd().split('\n').at(-1)!;
}

beforeAll(async () => {
  sim = await startSimulator({ now: SIM_NOW, scale: 0.1, seed: 5, latencyMs: 20, users: [{ login: 'admin', password: 'admin' }, { login: 'elt', password: SECRET }] });
  configFile = join(mkdtempSync(join(tmpdir(), 'elt-interrupt-')), 'elt.yml');
  writeFileSync(configFile, 'extract:\n  page_size: 100\n');
  [work, ref] = await Promise.all([freshDatabase(), freshDatabase()]);
});

afterAll(async () => {
  await work?.drop();
  await ref?.drop();
  await sim?.close();
});

describe('Ctrl-C', () => {
  it('elt run mid-extract: one line naming the streams running and how many are done, exit 130; the rerun resumes to a clean run\'s warehouse', async () => {
    const run = startElt(['run'], env(work.url));
    expect(await run.waitForLine(/"msg":"extracting /)).not.toBeNull();
    await sleep(300); // well into the extract: streams have started and some have landed
    run.child.kill('SIGINT');
    const exit = await run.exited;
    expect(exit.code, exit.stderr.slice(-2000)).toBe(130);
    expect(lastLine(exit)).toMatch(/^elt run: interrupted while extracting [a-z_.]+(?:, [a-z_.]+)*(?: and \d+ more)? \(\d+ of 41 streams done\): what was written is kept whole and the next elt run resumes from there$/);
    expect(exit.stderr.split('\n').filter((line) => line.includes(RESUMES))).toHaveLength(1);
    expect(exit.stdout).toBe(''); // no summary: the run did not end
    expect(exit.stdout + exit.stderr).not.toContain(SECRET);

    const rerun = await runElt(['run'], env(work.url));
    expect(rerun.code, rerun.stderr.slice(-2000)).toBe(0);
    const clean = await runElt(['run'], env(ref.url));
    expect(clean.code, clean.stderr.slice(-2000)).toBe(0);
    const [actual, expected] = await Promise.all([warehouseDigest(work.pool, 'all'), warehouseDigest(ref.pool, 'all')]);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(await digestDiff(work.pool, ref.pool, 'all')).toEqual([]);
    expect(actual).toEqual(expected);
  }, 120_000);

  it('a TERM mid-transform: the models building and how many are done, exit 143; a second signal ends it at once, with no second line', async () => {
    const transform = startElt(['transform', '--full-refresh', '--threads', '1'], env(work.url));
    expect(await transform.waitForLine(/"msg":"built /)).not.toBeNull();
    transform.child.kill('SIGTERM');
    transform.child.kill('SIGTERM');
    const exit = await transform.exited;
    expect(exit.code, exit.stderr.slice(-2000)).toBe(143);
    expect(lastLine(exit)).toMatch(/^elt transform: stopped by SIGTERM while (?:building [a-z_]+|finishing the transform) \(\d+ of \d+ models done\): what was written is kept whole and the next elt transform resumes from there$/);
    expect(exit.stderr.split('\n').filter((line) => line.includes(RESUMES))).toHaveLength(1);
    const again = await runElt(['transform'], env(work.url));
    expect(again.code, again.stderr.slice(-2000)).toBe(0);
  }, 60_000);
});
