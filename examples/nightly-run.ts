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
 * configuration mistake (which retrying will not fix).
 */
import { isConfigurationError, run } from 'odoo-elt';

const projectDir = process.argv[2] ?? '.';

try {
  // detectDeletes: once a night, also mark raw rows whose record Odoo deleted.
  const result = await run({ projectDir, detectDeletes: true });
  for (const failed of [...result.streams, ...result.models].filter((r) => r.status === 'failed')) {
    console.error(`FAIL ${'stream' in failed ? failed.stream : failed.model}: ${failed.error}`);
  }
  const records = result.streams.reduce((sum, s) => sum + s.fetched, 0);
  const built = result.models.filter((m) => m.status === 'success').length;
  console.log(`${result.ok ? 'ok' : 'failed'}: ${result.streams.length} streams, ${records} records, ${built} of ${result.models.length} models in ${result.seconds.toFixed(1)} s`);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  console.error(`nightly run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = isConfigurationError(error) ? 2 : 1;
}
