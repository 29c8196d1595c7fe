/**
 * Runs the simulator by hand:
 *   npx tsx src/simulator/main.ts --port 8069 --scale 1 --version 17
 * The data ends at the current time unless --now names an instant (same
 * seed, scale and --now: the same data).
 * Prints the URL and credentials, serves until Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from './server.ts';

const USAGE = 'usage: tsx src/simulator/main.ts [--host 127.0.0.1] [--port 8069] [--db odoo] [--version 17|19] [--scale 1] [--seed N] [--now 2026-11-02T09:30:00Z] [--latency-ms 0] [--login admin --password admin] [--api-key KEY]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8069' },
      db: { type: 'string', default: 'odoo' },
      version: { type: 'string', default: '17' },
      scale: { type: 'string', default: '1' },
      seed: { type: 'string' },
      now: { type: 'string' },
      'latency-ms': { type: 'string', default: '0' },
      login: { type: 'string', default: 'admin' },
      password: { type: 'string', default: 'admin' },
      'api-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const num = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0, got ${text}`);
    return n;
  };
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date-time, got ${values.now}`);
  const started = Date.now();
  const sim = await startSimulator({
    now,
    host: values.host,
    port: num('port', values.port),
    db: values.db,
    version: num('version', values.version),
    scale: num('scale', values.scale),
    seed: num('seed', values.seed),
    latencyMs: num('latency-ms', values['latency-ms']),
    users: [{ login: values.login!, password: values.password!, ...(values['api-key'] ? { apiKey: values['api-key'] } : {}) }],
  });
  const records = sim.store.modelNames().reduce((sum, model) => sum + sim.store.size(model), 0);
  console.log(`Odoo ${sim.version}.0 simulator on ${sim.url} (${records.toLocaleString('en-US')} records, ready in ${Date.now() - started} ms)`);
  console.log(`  ODOO_URL=${sim.url}`);
  console.log(`  ODOO_DB=${sim.db}`);
  console.log(`  ODOO_USERNAME=${values.login}`);
  console.log(`  ODOO_PASSWORD=${values.password}`);
  if (values['api-key']) console.log(`  ODOO_API_KEY=${values['api-key']}`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(2);
});
