/**
 * The framework's own tables, declared for Drizzle: `drizzle-kit generate`
 * turns changes here into a migration under `migrations/`.
 *
 * Raw tables (`raw_<model>`) are not declared here: one per stream, including
 * streams a project adds in its config file, so they are created from one
 * template by `raw-tables.ts` (see README, "Adding a stream").
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, doublePrecision, index, jsonb, pgSequence, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** One sequence for every raw table: a row's `load_seq` moves only when the row really changed. */
export const loadSeq = pgSequence('elt_load_seq', { startWith: 1, increment: 1 });

/** Incremental state per stream, updated in the same transaction as the rows it covers. */
export const streamState = pgTable('elt_stream_state', {
  stream: text('stream').primaryKey(),
  model: text('model').notNull(),
  /** Next run reads `write_date >= cursor - lookback`; the high-water mark of the last completed pass. */
  cursor: timestamp('cursor', { mode: 'string' }),
  /** An unfinished pass: its high-water mark, lower bound and last landed id (keyset), so a killed run resumes. */
  passHwm: timestamp('pass_hwm', { mode: 'string' }),
  passSince: timestamp('pass_since', { mode: 'string' }),
  passLastId: bigint('pass_last_id', { mode: 'number' }),
  passFull: boolean('pass_full').notNull().default(false),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true, mode: 'string' }),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  /**
   * The fields the stream's rows carry keyed hashes of (elt.yml hash_fields), and a fingerprint
   * of the key that made them (never the key): a run with another key or list would mix
   * hashes that no longer join, so it is refused until a full refresh re-lands the stream.
   */
  hashFields: text('hash_fields').array().notNull().default(sql`'{}'::text[]`),
  hashKeyFingerprint: text('hash_key_fingerprint'),
});

/** One row per command run (extract, transform, run ...). */
export const runs = pgTable('elt_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  command: text('command').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  status: text('status').notNull().default('running'),
});

/** One row per stream per run: what it fetched, what really changed, how it ended. */
export const streamRuns = pgTable(
  'elt_stream_runs',
  {
    runId: bigint('run_id', { mode: 'number' }).notNull().references(() => runs.id, { onDelete: 'cascade' }),
    stream: text('stream').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
    status: text('status').notNull().default('running'),
    fetched: bigint('fetched', { mode: 'number' }).notNull().default(0),
    changed: bigint('changed', { mode: 'number' }).notNull().default(0),
    error: text('error'),
    details: jsonb('details'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stream] }), index('elt_stream_runs_stream_idx').on(t.stream, t.startedAt)],
);

/** Per model and per source: the raw load_seq the model has consumed up to. */
export const modelWatermarks = pgTable(
  'elt_model_watermarks',
  {
    model: text('model').notNull(),
    source: text('source').notNull(),
    loadSeq: bigint('load_seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.model, t.source] })],
);

/** The latest outcome of each model. */
export const modelState = pgTable('elt_model_state', {
  model: text('model').primaryKey(),
  materialized: text('materialized').notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true, mode: 'string' }),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true, mode: 'string' }),
  status: text('status').notNull(),
  rows: bigint('rows', { mode: 'number' }),
  lastError: text('last_error'),
});

/** One row per model per transform run. */
export const modelRuns = pgTable(
  'elt_model_runs',
  {
    runId: bigint('run_id', { mode: 'number' }).notNull().references(() => runs.id, { onDelete: 'cascade' }),
    model: text('model').notNull(),
    status: text('status').notNull(),
    rows: bigint('rows', { mode: 'number' }).notNull().default(0),
    seconds: doublePrecision('seconds').notNull().default(0),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.model] })],
);

/** Keys a fact holds that its dimension lacks; the dimension got a placeholder row for each. */
export const missingReferences = pgTable(
  'elt_missing_references',
  {
    model: text('model').notNull(),
    columnName: text('column_name').notNull(),
    referencedModel: text('referenced_model').notNull(),
    referencedId: bigint('referenced_id', { mode: 'number' }).notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.model, t.columnName, t.referencedId] })],
);

/**
 * Records Odoo refused to read (a computed field raising for them): skipped
 * so the rest of the stream lands, retried at the start of every run, and
 * removed once they land or are gone from Odoo.
 */
export const skippedRecords = pgTable(
  'elt_skipped_records',
  {
    stream: text('stream').notNull(),
    id: bigint('id', { mode: 'number' }).notNull(),
    error: text('error').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.stream, t.id] })],
);

/**
 * The fields each stream lands, as Odoo's `fields_get` reported them on its
 * last extract: what the typed staging view `stg_<model>` is built from
 * (src/db/staging.ts). Replaced whole per stream by every extract.
 */
export const streamFields = pgTable(
  'elt_stream_fields',
  {
    stream: text('stream').notNull(),
    field: text('field').notNull(),
    /** Odoo's field type: char, integer, many2one, datetime, ... */
    type: text('type').notNull(),
    /** The related model of a relational field. */
    relation: text('relation'),
    /** Odoo's label of the field ("Customer"). */
    label: text('label'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.stream, t.field] })],
);

/**
 * Odoo's `fields_get` answer per model, kept with a fingerprint of the
 * model's rows in `ir.model.fields` (names, types, stored flags, relations,
 * labels): a run whose fingerprints match plans every stream from here, one
 * request in all instead of one `fields_get` per stream (fields-cache.ts).
 */
export const odooFields = pgTable('elt_odoo_fields', {
  model: text('model').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  /** The answer as Odoo gave it: field name -> the attributes asked for. */
  fields: jsonb('fields').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
