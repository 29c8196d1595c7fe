/**
 * The pipeline as functions: `run`, `extract` and `transform` do what the
 * commands do (same counts, same artifacts), print nothing, take their
 * settings from options.env over the project's .env without touching
 * process.env, and fail on a configuration mistake with one line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { extract, isConfigurationError, run, transform } from '../../src/index.ts';
import { pipelineProject } from '../support/pipeline-project.ts';

// The warehouse from the project's .env, the Odoo login from options.env.
const t = pipelineProject({
  // Who holds the warehouse lock while the model builds: its session's application_name.
  'sql/lock_holder.sql': "-- materialized: table\nselect application_name as holder from pg_stat_activity where datname = current_database() and application_name like 'elt %'\n",
});

describe('run()', () => {
  it("lands every stream and builds every model, as elt run does, printing nothing and leaving process.env alone", async () => {
    const log = vi.spyOn(console, 'log');
    const write = vi.spyOn(process.stdout, 'write');
    const env = { ...process.env };
    try {
      const result = await run({ projectDir: t.dir, env: t.odooEnv() });
      expect(result.ok).toBe(true);
      expect(result.streams.filter((s) => s.status === 'failed')).toEqual([]);
      const orders = result.streams.find((s) => s.stream === 'pos.order')!;
      expect(orders.fetched).toBe(t.sim.store.search('pos.order', []).length);
      expect(result.models.map((m) => m.status)).not.toContain('failed');
      const { rows } = await t.db.pool.query<{ n: number; total: string }>("select count(*)::int as n, sum(amount_total)::text as total from fact_sales where source = 'pos'");
      expect(rows[0]!.n).toBe(orders.fetched);
      expect(log).not.toHaveBeenCalled();
      expect(write).not.toHaveBeenCalled();
      expect(process.env).toEqual(env);
    } finally {
      log.mockRestore();
      write.mockRestore();
    }
    const results = JSON.parse(readFileSync(join(t.dir, 'target/run_results.json'), 'utf8')) as { args: { which: string }; results: unknown[] };
    expect(results.args.which).toBe('run');
    expect(existsSync(join(t.dir, 'logs/elt.log'))).toBe(true);
  });

  it('extracts the streams asked for, and transforms the models selected', async () => {
    const extracted = await extract({ projectDir: t.dir, env: t.odooEnv(), streams: ['res.partner'] });
    expect(extracted.streams.map((s) => [s.stream, s.status])).toEqual([['res.partner', 'success']]);
    expect(extracted.models).toEqual([]);
    const written = JSON.parse(readFileSync(join(t.dir, 'target/run_results.json'), 'utf8')) as { args: { which: string }; streams: Array<{ stream: string; fetched: number }> };
    expect([written.args.which, written.streams]).toEqual(['extract', [expect.objectContaining({ stream: 'res.partner', fetched: extracted.streams[0]!.fetched })]]);
    const built = await transform({ projectDir: t.dir, env: {}, select: ['dim_customers'], threads: 2 });
    expect(built.models.map((m) => [m.model, m.status])).toEqual([['dim_customers', 'success']]);
    expect(built.ok).toBe(true);
  });

  it('takes the warehouse lock under its own name, so a refused elt command says who works', async () => {
    await transform({ projectDir: t.dir, env: {}, select: ['lock_holder'] });
    const { rows } = await t.db.pool.query<{ holder: string }>('select holder from lock_holder');
    expect(rows.map((r) => r.holder)).toEqual([expect.stringMatching(new RegExp(`^elt transform\\(\\) pid=${process.pid} host=`))]);
  });

  it('throws one line for a configuration mistake, and says it is one', async () => {
    const bad = run({ projectDir: t.dir, env: { ...t.odooEnv(), ELT_TIMEZONE: 'Mars/Olympus' } });
    const error = await bad.catch((e: unknown) => e);
    expect(isConfigurationError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `ELT_TIMEZONE "Mars/Olympus" is not an IANA time zone name such as Europe/Brussels: fix it in the environment or in .env in the project folder (see .env.example)`,
    );
    const missing = await extract({ projectDir: t.dir, env: {} }).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/^missing settings ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY: /);
    const nowhere = await transform({ projectDir: join(t.dir, 'no-such-folder'), env: {} }).catch((e: unknown) => e);
    expect(isConfigurationError(nowhere)).toBe(true);
    expect(await transform({ projectDir: t.dir, env: {}, threads: 0 }).catch((e: Error) => e.message)).toBe('threads must be a whole number from 1 to 32, got 0');
  });
});
