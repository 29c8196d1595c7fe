/**
 * Environment configuration, validated at start. A `.env` file in the working
 * directory (the project folder) is read first (real environment variables
 * win). Every problem, missing or malformed, is reported in one line naming
 * each variable; values of secrets never appear.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from './errors.ts';
import type { ConnectionOptions } from '../odoo/connect.ts';
import { HASH_KEY_HINT, MIN_HASH_KEY_LENGTH } from '../extract/hash-fields.ts';
import { isTimeZone } from '../odoo/models/local-dates.ts';

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
  // Required by runs with hash_fields only (hash-fields.ts's runHashKey), but never too short to guess.
  ELT_HASH_KEY: z.string().min(MIN_HASH_KEY_LENGTH).optional(),
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

/** What a command needs from the environment before it runs: the Odoo login, the warehouse, or both. */
export type Need = 'odoo' | 'warehouse';

/** What a valid value of each checked variable is, said after "is not". */
const EXPECTED: Partial<Record<keyof Env, string>> = {
  ODOO_URL: 'an http(s) URL such as https://odoo.example.com',
  ODOO_TRANSPORT: `one of ${TRANSPORTS.join(', ')}`,
  ODOO_RETRIES: 'a whole number from 0 to 20',
  ODOO_TLS_INSECURE: 'true or false',
  ODOO_TIMEOUT_SECONDS: 'a positive number of seconds',
  DATABASE_URL: 'a PostgreSQL URL such as postgres://user@host:5432/warehouse',
  ELT_TIMEZONE: 'an IANA time zone name such as Europe/Brussels',
  ELT_HASH_KEY: `a secret of at least ${MIN_HASH_KEY_LENGTH} characters (${HASH_KEY_HINT})`,
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')}`,
};

/** Variables whose value may be shown in an error: never a password, key or URL (URLs can carry credentials). */
const SHOWN = new Set(['ODOO_TRANSPORT', 'ODOO_RETRIES', 'ODOO_TLS_INSECURE', 'ODOO_TIMEOUT_SECONDS', 'ELT_TIMEZONE', 'LOG_LEVEL']);

/** Every variable `elt` reads, one line each, in .env.example's order: the settings part of `elt --help`. */
export const SETTINGS_HELP: ReadonlyArray<readonly [string, string]> = [
  ['ODOO_URL', "the Odoo server's root URL, e.g. https://acme.odoo.com"],
  ['ODOO_DB', 'the Odoo database name'],
  ['ODOO_USERNAME', 'the login of the Odoo user elt reads as'],
  ['ODOO_PASSWORD', 'the password of that user'],
  ['ODOO_API_KEY', 'or, better, an API key of that user (wins if both set)'],
  ['ODOO_TRANSPORT', 'auto (default), xmlrpc, jsonrpc or json2 (Odoo 19+)'],
  ['ODOO_TIMEOUT_SECONDS', 'seconds before an Odoo call times out (default 120)'],
  ['ODOO_RETRIES', 'retries of a call that failed transiently (default 5)'],
  ['ODOO_TLS_INSECURE', "true: skip the check of Odoo's TLS certificate"],
  ['DATABASE_URL', "the warehouse's postgres:// URL (or the PG* variables)"],
  ['PGCONNECT_TIMEOUT', 'seconds to wait for a warehouse connection (default 30)'],
  ['ELT_TIMEZONE', "IANA time zone of the marts' local dates (default UTC)"],
  ['ELT_CONFIG', 'the project config file (default: elt.yml)'],
  ['ELT_HASH_KEY', 'the secret key of hash_fields (openssl rand -hex 32)'],
  ['LOG_LEVEL', 'fatal, error, warn, info (default), debug, trace, silent'],
];

/**
 * Reads `.env` (if present) into `process.env` without overriding what is set,
 * then validates. Every malformed value, and every setting that `needs` asks
 * for and is missing, is named in one message.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, envFile = '.env', needs: readonly Need[] = []): Env {
  if (source === process.env && existsSync(envFile)) {
    try {
      process.loadEnvFile(envFile);
    } catch {
      throw new UsageError(`${envFile} could not be read as a .env file: expect NAME=value lines`);
    }
  }
  // Blank values count as unset, as most .env loaders treat them.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== '')) as Record<string, string>;
  const parsed = schema.safeParse(present);
  const invalid = parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))].map((name) => invalidSetting(name, present[name]));
  const missing = missingSettings(present, needs, source);
  if (invalid.length || missing.length) throw new UsageError(settingsProblem(missing, invalid, envFile));
  return parsed.data!;
}

/** The Odoo connection settings; every missing one is named, in one message. */
export function odooSettings(env: Env, envFile = '.env'): OdooSettings {
  const missing = missingSettings(env, ['odoo']);
  if (missing.length) throw new UsageError(settingsProblem(missing, [], envFile));
  return {
    url: env.ODOO_URL!,
    db: env.ODOO_DB!,
    login: env.ODOO_USERNAME!,
    secret: (env.ODOO_API_KEY ?? env.ODOO_PASSWORD)!,
    transport: env.ODOO_TRANSPORT,
    timeoutMs: env.ODOO_TIMEOUT_SECONDS * 1000,
    retries: env.ODOO_RETRIES,
    hasApiKey: env.ODOO_API_KEY !== undefined,
    insecureTls: env.ODOO_TLS_INSECURE,
  };
}

/** The settings as `connect()` takes them. */
export function connectionOptions(settings: OdooSettings): ConnectionOptions {
  return {
    url: settings.url,
    db: settings.db,
    login: settings.login,
    ...(settings.hasApiKey ? { apiKey: settings.secret } : { password: settings.secret }),
    transport: settings.transport,
    timeoutSeconds: settings.timeoutMs / 1000,
    retries: settings.retries,
    insecureTls: settings.insecureTls,
  };
}

/** DATABASE_URL, or undefined when the libpq PG* variables are to be used. */
export function databaseUrl(env: Env, source: NodeJS.ProcessEnv = process.env, envFile = '.env'): string | undefined {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (hasLibpqTarget(source)) return undefined;
  throw new UsageError(settingsProblem(['DATABASE_URL'], [], envFile));
}

/** The settings `needs` asks for that are not set, in .env.example's order. */
function missingSettings(values: Partial<Record<string, unknown>>, needs: readonly Need[], source: NodeJS.ProcessEnv = process.env): string[] {
  const missing: string[] = [];
  if (needs.includes('odoo')) {
    for (const name of ['ODOO_URL', 'ODOO_DB', 'ODOO_USERNAME'] as const) if (!values[name]) missing.push(name);
    if (!values.ODOO_API_KEY && !values.ODOO_PASSWORD) missing.push('ODOO_PASSWORD or ODOO_API_KEY');
  }
  if (needs.includes('warehouse') && !values.DATABASE_URL && !hasLibpqTarget(source)) missing.push('DATABASE_URL');
  return missing;
}

function hasLibpqTarget(source: NodeJS.ProcessEnv): boolean {
  return Boolean(source.PGHOST || source.PGDATABASE || source.PGSERVICE);
}

/** `LOG_LEVEL "loud" is not one of ...`; the value only where it cannot be a secret. */
function invalidSetting(name: string, value: string | undefined): string {
  const shown = SHOWN.has(name) && value !== undefined ? ` "${value.length > 40 ? `${value.slice(0, 40)}...` : value}"` : '';
  return `${name}${shown} is not ${EXPECTED[name as keyof Env] ?? 'valid'}`;
}

/**
 * One line for every problem with the settings:
 * `missing settings ODOO_URL, DATABASE_URL; LOG_LEVEL "loud" is not one of ...: set them in ...`.
 */
function settingsProblem(missing: readonly string[], invalid: readonly string[], envFile: string): string {
  const count = missing.length + invalid.length;
  const problems = [...(missing.length ? [`missing setting${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`] : []), ...invalid];
  const verb = missing.length ? 'set' : 'fix';
  const hint = existsSync(envFile) ? 'see .env.example' : 'copy .env.example to .env';
  return `${problems.join('; ')}: ${verb} ${count > 1 ? 'them' : 'it'} in the environment or in .env in the project folder (${hint})`;
}
