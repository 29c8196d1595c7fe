/**
 * What every command starts from: validated environment, logger, project
 * config, the warehouse pool and, when asked, a connected Odoo client.
 * Everything that can be wrong with the setup fails here, exit 2, before a
 * row is written.
 */
import { OdooClient } from '../odoo/client.ts';
import { chooseTransport } from '../odoo/choose-transport.ts';
import { OdooError } from '../odoo/errors.ts';
import { stripCredentials } from '../odoo/http.ts';
import { createPool, type Pool } from '../db/pool.ts';
import { loadProjectConfig, type ProjectConfig } from '../extract/project-config.ts';
import { databaseUrl, loadEnv, type Env, type OdooSettings } from './env.ts';
import { UsageError } from './errors.ts';
import { createLogger, type Logger } from './logger.ts';

export interface Context {
  readonly env: Env;
  readonly log: Logger;
  readonly config: ProjectConfig;
  readonly db: Pool;
  close(): Promise<void>;
}

export function loadContext(): Context {
  const env = loadEnv();
  const secrets = [env.ODOO_PASSWORD, env.ODOO_API_KEY].filter((s): s is string => !!s);
  const log = createLogger(env.LOG_LEVEL, secrets);
  const config = loadProjectConfig(env.ELT_CONFIG);
  const db = createPool(databaseUrl(env));
  return { env, log, config, db, close: () => db.end() };
}

/** Fails with one line unless the warehouse is reachable and migrated. */
export async function checkWarehouse(db: Pool): Promise<void> {
  let migrated: boolean;
  try {
    const { rows } = await db.query<{ ok: boolean }>(`select to_regclass('elt_stream_state') is not null as ok`);
    migrated = rows[0]!.ok;
  } catch (error) {
    throw new UsageError(`cannot reach the warehouse database: ${firstLine(error)} (check DATABASE_URL)`);
  }
  if (!migrated) throw new UsageError('the warehouse database is not migrated yet: run elt migrate first');
}

/** Picks the transport (ODOO_TRANSPORT, or probing for `auto`) and logs in. */
export async function connectOdoo(settings: OdooSettings, log: Logger): Promise<OdooClient> {
  // ODOO_URL may carry a proxy's Basic-auth credentials: never show them.
  const where = stripCredentials(settings.url).replace(/\/$/, '');
  try {
    const transport = await chooseTransport(
      {
        url: settings.url,
        db: settings.db,
        login: settings.login,
        secret: settings.secret,
        hasApiKey: settings.hasApiKey,
        timeoutMs: settings.timeoutMs,
        transport: settings.transport,
      },
      log,
    );
    const client = await OdooClient.connect({
      transport,
      credentials: { url: settings.url, db: settings.db, login: settings.login, secret: settings.secret },
      retry: { retries: settings.retries },
      logger: log,
    });
    log.info({ url: where, db: settings.db, login: settings.login, transport: transport.name, uid: client.uid }, 'connected to Odoo');
    return client;
  } catch (error) {
    if (error instanceof OdooError) throw new UsageError(`cannot log in to Odoo at ${where}: ${firstLine(error)}`);
    throw error;
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
