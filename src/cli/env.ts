/**
 * Environment configuration, validated at start. A `.env` file in the working
 * directory is read first (real environment variables win). Every problem is
 * reported as one line naming the variable; values of secrets never appear.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from './errors.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const TRANSPORTS = ['auto', 'xmlrpc', 'jsonrpc', 'json2'] as const;


const schema = z.object({
  ODOO_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://odoo.example.com' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  ODOO_DB: z.string().trim().min(1, 'must not be empty').optional(),
  ODOO_USERNAME: z.string().trim().min(1, 'must not be empty').optional(),
  ODOO_PASSWORD: z.string().min(1, 'must not be empty').optional(),
  ODOO_API_KEY: z.string().min(1, 'must not be empty').optional(),
  ODOO_TRANSPORT: z.enum(TRANSPORTS, { error: `must be one of ${TRANSPORTS.join(', ')}` }).default('auto'),
  ODOO_RETRIES: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').max(20, 'must be at most 20').default(5),
  ODOO_TLS_INSECURE: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  ODOO_TIMEOUT_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).positive('must be a positive number of seconds').default(120),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL such as postgres://user@host:5432/warehouse')
    .optional(),
  ELT_TIMEZONE: z
    .string()
    .default('UTC')
    .refine(isTimeZone, 'must be an IANA time zone name such as Europe/Brussels'),
  ELT_CONFIG: z.string().min(1, 'must be a file path').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

export type Env = z.infer<typeof schema>;

export interface OdooSettings {
  readonly url: string;
  readonly db: string;
  readonly login: string;
  readonly secret: string;
  readonly transport: Env['ODOO_TRANSPORT'];
  readonly timeoutMs: number;
  /** Retries of a call that failed transiently (timeouts, resets, 429/5xx), after the first attempt. */
  readonly retries: number;
  /** True when the secret is an API key (JSON-2 needs one). */
  readonly hasApiKey: boolean;
  /** ODOO_TLS_INSECURE: Odoo's TLS certificate is not verified. */
  readonly insecureTls: boolean;
}

/** Reads `.env` (if present) into `process.env` without overriding what is set, then validates. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, envFile = '.env'): Env {
  if (source === process.env && existsSync(envFile)) {
    try {
      process.loadEnvFile(envFile);
    } catch {
      throw new UsageError(`${envFile} could not be read as a .env file: expect NAME=value lines`);
    }
  }
  // Blank values count as unset, as most .env loaders treat them.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`configuration error: ${String(issue.path[0])} ${issue.message}`);
  }
  return parsed.data;
}

/** The Odoo connection settings; each missing one is named, first found first. */
export function odooSettings(env: Env): OdooSettings {
  for (const name of ['ODOO_URL', 'ODOO_DB', 'ODOO_USERNAME'] as const) {
    if (!env[name]) throw new UsageError(`configuration error: ${name} is not set (see .env.example)`);
  }
  const secret = env.ODOO_API_KEY ?? env.ODOO_PASSWORD;
  if (!secret) throw new UsageError('configuration error: set ODOO_PASSWORD or ODOO_API_KEY (see .env.example)');
  return {
    url: env.ODOO_URL!,
    db: env.ODOO_DB!,
    login: env.ODOO_USERNAME!,
    secret,
    transport: env.ODOO_TRANSPORT,
    timeoutMs: env.ODOO_TIMEOUT_SECONDS * 1000,
    retries: env.ODOO_RETRIES,
    hasApiKey: env.ODOO_API_KEY !== undefined,
    insecureTls: env.ODOO_TLS_INSECURE,
  };
}

/** DATABASE_URL, or undefined when the libpq PG* variables are to be used. */
export function databaseUrl(env: Env, source: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (source.PGHOST || source.PGDATABASE || source.PGSERVICE) return undefined;
  throw new UsageError('configuration error: DATABASE_URL is not set (or set the libpq PGHOST/PGDATABASE variables)');
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
