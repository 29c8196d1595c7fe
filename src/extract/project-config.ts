/**
 * The project config file (`elt.yml`, or the file ELT_CONFIG names): extract
 * settings and streams added to or overriding the built-in catalog, so a
 * project never edits `src/`. Every problem is one line naming the file and
 * the key.
 */
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { parseDomain, type Domain } from '../odoo/domain.ts';
import { MODEL_NAME } from '../db/identifiers.ts';
import { nearestNames } from '../util/nearest-names.ts';
import { firstLine } from '../util/first-line.ts';
import { MAX_THREADS } from '../util/thread-count.ts';

export const DEFAULT_CONFIG_FILE = 'elt.yml';

export interface StreamOverride {
  readonly enabled: boolean;
  readonly domain: Domain;
  readonly excludeFields: readonly string[];
  readonly includeFields: readonly string[];
  /** Fields landed as keyed hashes (HMAC-SHA-256 with ELT_HASH_KEY: hash-fields.ts), never in clear. */
  readonly hashFields: readonly string[];
}

export interface ProjectConfig {
  readonly file: string | null;
  readonly extract: {
    readonly lookbackMinutes: number;
    /** How far Odoo's database clock (write_date) may lag its web server's (the Date header). */
    readonly clockSkewSeconds: number;
    readonly pageSize: number;
    readonly concurrency: number;
    /** Page reads in flight to Odoo at once, all streams together: a large stream reads several of its pages at once. */
    readonly odooRequests: number;
    /** Many2one land as `[id, "display name"]` (true) or as the bare id (false, the default: less of Odoo's time). */
    readonly displayNames: boolean;
  };
  readonly transform: {
    /** Models built at once, each on its own connection. */
    readonly threads: number;
  };
  readonly streams: ReadonlyMap<string, StreamOverride>;
  /** Project variables models read with `{{ var('name') }}`. */
  readonly vars: Readonly<Record<string, string | number | boolean>>;
  /** Models turned off by name (`models: { fact_stock: false }`): a default one the project does not want. */
  readonly disabledModels: readonly string[];
  /** False: the project's own models only, without the default warehouse that ships with the tool. */
  readonly defaultModels: boolean;
}

/** Thrown for a config file that cannot be used; the CLI turns it into exit 2. */
export class ProjectConfigError extends Error {}

const fieldList = z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a field name such as x_brand_id'));

const streamSchema = z
  .object({
    enabled: z.boolean().default(true),
    domain: z.unknown().optional(),
    exclude_fields: fieldList.default([]),
    include_fields: fieldList.default([]),
    hash_fields: fieldList.default([]),
  })
  .strict();

const fileSchema = z
  .object({
    extract: z
      .object({
        lookback_minutes: z.number().min(0).max(7 * 24 * 60).default(10),
        clock_skew_seconds: z.number().min(0).max(24 * 3600).default(60),
        page_size: z.number().int().min(1).max(50_000).default(1000),
        concurrency: z.number().int().min(1).max(64).default(4),
        odoo_requests: z.number().int().min(1).max(64).default(4),
        display_names: z.boolean().default(false),
      })
      .strict()
      .default({ lookback_minutes: 10, clock_skew_seconds: 60, page_size: 1000, concurrency: 4, odoo_requests: 4, display_names: false }),
    transform: z
      .object({ threads: z.number().int().min(1).max(MAX_THREADS).default(4) })
      .strict()
      .default({ threads: 4 }),
    // Each stream's value is checked on its own below, so a mistake inside one is named precisely.
    streams: z.record(z.string(), z.unknown()).default({}),
    vars: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase name'), z.union([z.string(), z.number(), z.boolean()])).default({}),
    default_models: z.boolean().default(true),
    models: z
      .record(
        z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a model name (its file name without .sql)'),
        z.union([z.boolean(), z.object({ enabled: z.boolean().default(true) }).strict()], { error: 'expected false (turn the model off), true, or { enabled: false }' }),
      )
      .default({}),
  })
  .strict();

/** `path` (ELT_CONFIG), else `elt.yml` in `dir` when there is one, else the defaults. */
export function loadProjectConfig(path?: string, dir = '.'): ProjectConfig {
  const fallback = join(dir, DEFAULT_CONFIG_FILE); // join('.', 'elt.yml') is 'elt.yml'
  const file = path ?? (existsSync(fallback) ? fallback : null);
  if (file === null) return parseProjectConfig({}, null);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ProjectConfigError(`${file}: cannot read the project config file (set ELT_CONFIG to an existing file)`);
  }
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` line ${error.linePos[0].line}` : '';
    throw new ProjectConfigError(`${file}:${where} is not valid YAML: ${firstLine(error).replace(/:$/, '')}`);
  }
  return parseProjectConfig(raw, file);
}

export function parseProjectConfig(raw: unknown, file: string | null): ProjectConfig {
  const where = file ?? 'project config';
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new ProjectConfigError(`${where}: ${describeIssue(parsed.error.issues[0]!, [])}`);
  const streams = new Map<string, StreamOverride>();
  for (const [model, value] of Object.entries(parsed.data.streams)) {
    if (!MODEL_NAME.test(model)) {
      throw new ProjectConfigError(`${where}: streams.${model}: not an Odoo model name (lowercase words joined by dots, like product.brand)`);
    }
    if (value !== false && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw new ProjectConfigError(`${where}: streams.${model}: expected options (domain, exclude_fields, include_fields, hash_fields, enabled), {} or false`);
    }
    const options = value === false ? undefined : streamSchema.safeParse(value ?? {});
    if (options && !options.success) throw new ProjectConfigError(`${where}: ${describeIssue(options.error.issues[0]!, ['streams', model])}`);
    const s = options?.data ?? { enabled: false, exclude_fields: [], include_fields: [], hash_fields: [], domain: undefined };
    // Left out and landed hashed cannot both hold: which one the user meant is theirs to say.
    const both = s.hash_fields.find((f) => s.exclude_fields.includes(f));
    if (both !== undefined) {
      throw new ProjectConfigError(`${where}: streams.${model}.hash_fields: ${both} is also in exclude_fields (a field is either left out or landed hashed: keep it in one list)`);
    }
    let domain: Domain = [];
    if (s.domain !== undefined) {
      try {
        domain = parseDomain(s.domain, `${where}: streams.${model}.domain`);
      } catch (error) {
        throw new ProjectConfigError(firstLine(error));
      }
    }
    streams.set(model, { enabled: s.enabled, domain, excludeFields: s.exclude_fields, includeFields: s.include_fields, hashFields: [...new Set(s.hash_fields)].sort() });
  }
  const e = parsed.data.extract;
  const disabledModels = Object.entries(parsed.data.models).filter(([, v]) => v === false || (typeof v === 'object' && !v.enabled)).map(([name]) => name);
  return { file, extract: { lookbackMinutes: e.lookback_minutes, clockSkewSeconds: e.clock_skew_seconds, pageSize: e.page_size, concurrency: e.concurrency, odooRequests: e.odoo_requests, displayNames: e.display_names }, transform: { threads: parsed.data.transform.threads }, streams, vars: parsed.data.vars, disabledModels, defaultModels: parsed.data.default_models };
}

/** `streams.res.partner: unknown key "domian": did you mean domain? (...)` rather than zod's bare wording. */
function describeIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): string {
  const path = [...prefix, ...issue.path];
  const key = path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(path);
    const unknown = issue.keys[0]!;
    const near = [...new Set([...allowed.filter((a) => a.startsWith(unknown)), ...nearestNames(unknown, allowed)])];
    return `${key}: unknown key "${unknown}"${near.length ? `: did you mean ${near.join(', ')}?` : ''} (expected one of ${allowed.join(', ')})`;
  }
  // A record's bad key: zod says "Invalid key in record"; the key's own check says what a key must be.
  if (issue.code === 'invalid_key') return `${key}: ${issue.issues[0]?.message ?? issue.message}`;
  return `${key}: ${issue.message}`;
}

function allowedKeys(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(fileSchema.shape);
  if (path[0] === 'extract') return ['lookback_minutes', 'clock_skew_seconds', 'page_size', 'concurrency', 'odoo_requests', 'display_names'];
  if (path[0] === 'transform') return ['threads'];
  return Object.keys(streamSchema.shape);
}

