/**
 * A nightly `elt run` from code: what a worker, a Temporal activity or a
 * BullMQ job calls instead of spawning `elt run`. Same project folder
 * (elt.yml, sql/, .env), same settings and same lock as the command; it
 * returns the results instead of printing them, and writes
 * target/run_results.json and logs/elt.log as the command does.
 *
 *   npx tsx examples/nightly-run.ts [project folder]
 *
 * Exit 0 when every stream and model succeeded, 1 when one failed, 2 on a
 * configuration mistake (which retrying will not fix), 130 or 143 when
 * stopped by Ctrl-C or a TERM (the run stops cleanly and the next resumes).
 */
import { isConfigurationError, run } from 'odoo-elt';

const projectDir = process.argv[2] ?? '.';

// A scheduler stops a job with a TERM (a Temporal activity or a BullMQ job hands you an AbortSignal instead).
const stop = new AbortController();
let stoppedBy: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stoppedBy = signal;
    stop.abort(new Error(`stopped by ${signal}`));
  });
}

try {
  // detectDeletes: once a night, also mark raw rows whose record Odoo deleted.
  const result = await run({ projectDir, detectDeletes: true, signal: stop.signal });
  for (const failed of [...result.streams, ...result.models].filter((r) => r.status === 'failed')) {
    console.error(`FAIL ${'stream' in failed ? failed.stream : failed.model}: ${failed.error}`);
  }
  const records = result.streams.reduce((sum, s) => sum + s.fetched, 0);
  const built = result.models.filter((m) => m.status === 'success').length;
  console.log(`${result.ok ? 'ok' : 'failed'}: ${result.streams.length} streams, ${records} records, ${built} of ${result.models.length} models in ${result.seconds.toFixed(1)} s`);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  if (stoppedBy) {
    // The lock is already released: the next run may start at once.
    console.error(`nightly run: stopped by ${stoppedBy}: what had committed is kept, and the next run resumes from there`);
    process.exitCode = stoppedBy === 'SIGINT' ? 130 : 143;
  } else {
    console.error(`nightly run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = isConfigurationError(error) ? 2 : 1;
  }
}
