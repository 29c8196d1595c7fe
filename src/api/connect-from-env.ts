/**
 * The Odoo login `elt` itself would use, for a script run beside a project:
 * ODOO_URL, ODOO_DB, ODOO_USERNAME, ODOO_PASSWORD or ODOO_API_KEY,
 * ODOO_TRANSPORT, ODOO_TIMEOUT_SECONDS, ODOO_RETRIES and ODOO_TLS_INSECURE,
 * checked as `elt` checks them (one line naming each missing or bad one).
 */
import { connectionOptions, loadEnv, odooSettings } from '../cli/env.ts';
import type { ConnectionOptions } from '../odoo/connect.ts';

/** `connect(connectionFromEnv())`. `variables` defaults to process.env (with ./.env read into it, as elt does). */
export function connectionFromEnv(variables: NodeJS.ProcessEnv = process.env): ConnectionOptions {
  return connectionOptions(odooSettings(loadEnv(variables, '.env', ['odoo'])));
}
