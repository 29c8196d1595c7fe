/**
 * `elt run` as a person at an 80-column terminal sees it: the real binary on
 * a pseudo-terminal, its output replayed through a headless xterm. The bars
 * are gone at the end, the warnings Odoo caused during the extract stand as
 * whole lines (none drawn over a bar), the informational lines went to the
 * log file instead, and the summary fits one screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/server.ts';
import { freshDatabase, type FreshDatabase } from '../support/database.ts';
import { projectDir } from '../support/cli.ts';
import { SIM_NOW } from '../support/odoo.ts';
import { runInTerminal } from '../support/terminal.ts';

let sim: Simulator;
let db: FreshDatabase;
let dir: string;

beforeAll(async () => {
  // Latency per call and small pages keep pos.order.line's bar up for 20+ pages x 20 ms, past the
  // bars' first draw (a quarter second), however fast the machine: the bars are seen, and meet the warnings.
  sim = await startSimulator({ now: SIM_NOW, version: 17, latencyMs: 20 });
  db = await freshDatabase();
  dir = projectDir({ 'elt.yml': 'extract:\n  page_size: 200\n' });
});

afterAll(async () => {
  await sim?.close();
  await db?.drop();
});

const env = () => ({ ODOO_URL: sim.url, ODOO_DB: sim.db, ODOO_USERNAME: 'admin', ODOO_PASSWORD: 'admin', DATABASE_URL: db.url, LOG_LEVEL: 'info' });
const BAR = /[█░]/;
/** A quiet run of the default warehouse: a line per stream (41) and model (32), two totals and Done. */
const SCREEN_ROWS = 76;

describe('elt run on a terminal', () => {
  it('shows bars while it works, then warnings as whole lines and a summary that fits one 80x76 screen; the rest is in logs/elt.log', async () => {
    const lines = sim.store.search('pos.order.line', [], { activeTest: false, limit: 2, order: 'id desc' });
    for (const id of lines) sim.failCompute({ model: 'pos.order.line', id, field: 'price_subtotal' });

    const run = await runInTerminal(['run'], { cwd: dir, env: env(), rows: SCREEN_ROWS });
    expect(run.code, run.lines.join('\n')).toBe(0);
    expect(run.raw).toMatch(/pos\.order\.line +[█░]+ [\d,]+\/[\d,]+ records/); // bars were drawn...
    expect(run.lines.filter((l) => BAR.test(l))).toEqual([]); // ...and cleared

    // Each warning is one intact line, and nothing else (no field lines, no bar pieces) is.
    const warnings = run.lines.filter((l) => /^\[\d\d:\d\d:\d\d\] WARN: /.test(l));
    expect(warnings.map((l) => l.replace(/^\[[\d:]+\] /, '').replace(/\d+ cannot/, 'N cannot').slice(0, 60))).toEqual(
      Array(2).fill('WARN: pos.order.line record N cannot be read and was skipped'),
    );
    expect(run.lines.some((l) => /^\s+(stream|fetched|changed): /.test(l))).toBe(false);
    expect(run.lines.some((l) => /INFO/.test(l))).toBe(false);

    // The summary: a line per stream and per model, failures and warnings first, totals, wall time.
    // One screen: 76 rows for the default warehouse (a line per stream and model, two totals, Done),
    // plus what this run's trouble adds: the two warnings (two rows each at 80 columns) and, at the
    // end, the "1 warning:" section of two lines.
    expect(run.rows.length).toBeLessThanOrEqual(SCREEN_ROWS + 4 + 2);
    expect(run.lines.filter((l) => !warnings.includes(l)).every((l) => l.length <= 80)).toBe(true);
    const streamLines = run.lines.filter((l) => /^ {2}(OK|WARN|SKIP|FAIL) {2,}[a-z]+\.[a-z.]+ /.test(l));
    expect(streamLines).toHaveLength(41);
    expect(streamLines[0]).toMatch(/^ {2}WARN {2}pos\.order\.line +[\d,]+ records, [\d,]+ changed, 2 unreadable +\d+\.\d s$/);
    expect(streamLines.slice(1, 4).map((l) => l.split(/\s+/)[2])).toEqual(['hr.version', 'pos.promotion', 'product.brand']);
    expect(run.lines).toContainEqual(expect.stringMatching(/^41 streams: 38 ok, 3 skipped; [\d,]+ records, [\d,]+ changed; \d+\.\d s$/));
    expect(run.lines.filter((l) => /^ {2}OK {4}(?:(?:dim|fact|snap)_|aging_by_partner )/.test(l))).toHaveLength(32);
    expect(run.lines).toContainEqual(expect.stringMatching(/^32 models: 32 ok; [\d,]+ rows; \d+\.\d s$/));
    expect(run.lines.slice(-3)).toEqual([
      '1 warning:',
      '  pos.order.line: 2 records Odoo could not read: skipped, retried next run',
      expect.stringMatching(/^Done in \d+\.\d s\.$/),
    ]);

    // What the terminal left out is in the log file, as JSON lines.
    const log = readFileSync(join(dir, 'logs', 'elt.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { level: number; msg: string; stream?: string });
    expect(log[0]).toMatchObject({ level: 30, msg: 'elt run started' });
    expect(log.filter((l) => l.msg === 'extracted pos.order')).toHaveLength(1);
    expect(log.filter((l) => l.msg === 'built fact_sales')).toHaveLength(1);
    expect(log.filter((l) => l.level === 40 && l.stream === 'pos.order.line')).toHaveLength(2);
  });
});
