/**
 * `elt seed`: every `<dir>/<name>.csv` becomes the table `seed_<name>`, all columns text,
 * reloaded whole. Every file is read and checked before the database is touched, and all
 * seeds load in one transaction: models never see some seeds new and others old.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { quoteIdent } from '../db/identifiers.ts';
import { inTransaction, type Pool, type PoolClient } from '../db/pool.ts';
import { seedFiles, type ProjectLayout } from './project-layout.ts';

/** A seed file that cannot be loaded: bad name, header, row, encoding, or a table in the way. One line. */
export class SeedError extends Error {}

export interface SeedResult {
  seed: string;
  table: string;
  rows: number;
}

interface Seed {
  name: string;
  file: string;
  table: string;
  columns: string[];
  rows: Array<Array<string | null>>;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
const MAX_IDENT = 63; // PostgreSQL truncates longer names silently
/** Transaction-level advisory lock ("elt", 2): two seed loads at once would both insert. */
const SEED_LOCK = [0x656c74, 2] as const;

/**
 * Loads every `*.csv` of `dir` (sorted by name), or of a layered project's two
 * seed folders (project-layout.ts); a missing folder means no seeds.
 */
export async function loadSeeds(db: Pool, source: string | ProjectLayout = 'sql/seeds'): Promise<SeedResult[]> {
  const seeds = await readSeeds(typeof source === 'string' ? await listCsv(source) : seedFiles(source));
  if (seeds.length === 0) return [];
  await inTransaction(db, async (client) => {
    await client.query('select pg_advisory_xact_lock($1, $2)', [...SEED_LOCK]);
    for (const seed of seeds) await writeSeed(client, seed);
  });
  return seeds.map(({ name, table, rows }) => ({ seed: name, table, rows: rows.length }));
}

async function listCsv(dir: string): Promise<Array<{ path: string; abs: string }>> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.filter((e) => e.endsWith('.csv')).sort().map((entry) => ({ path: path.join(dir, entry), abs: path.join(dir, entry) }));
}

async function readSeeds(files: ReadonlyArray<{ path: string; abs: string }>): Promise<Seed[]> {
  const seeds: Seed[] = [];
  for (const { path: file, abs } of files) {
    const entry = path.basename(abs);
    const name = entry.slice(0, -'.csv'.length);
    const table = `seed_${name}`;
    if (!IDENT.test(name) || table.length > MAX_IDENT) {
      throw new SeedError(
        `${file}: a seed file name must be a lowercase SQL identifier (letters, digits, _; at most ${MAX_IDENT - 5} characters) followed by .csv`,
      );
    }
    const { columns, rows } = parseSeed(decodeUtf8(await readFile(abs), file), file);
    seeds.push({ name, file, table, columns, rows });
  }
  return seeds;
}

function decodeUtf8(bytes: Buffer, file: string): Buffer {
  try {
    // fatal: a Latin-1 export must be refused, not loaded with replacement characters; the BOM is dropped.
    return Buffer.from(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf8');
  } catch {
    throw new SeedError(`${file}: not valid UTF-8 (save the file as UTF-8 CSV)`);
  }
}

/** Header row, then rows of exactly as many cells; empty cells become NULL. */
function parseSeed(input: Buffer, file: string): { columns: string[]; rows: Seed['rows'] } {
  const lines = new LineCounter(input);
  let columns: string[] | undefined;
  const rows: Seed['rows'] = [];
  let recordStart = 0; // byte offset where the next record may begin
  try {
    parse(input, {
      skip_empty_lines: true,
      relax_column_count: true, // counted here, to report the row's own line in our words
      on_record: (record: string[], context) => {
        const line = lines.lineOfNextRecord(recordStart);
        recordStart = context.bytes;
        if (!columns) {
          columns = checkHeader(record, file);
        } else if (record.length !== columns.length) {
          throw new SeedError(`${file} line ${line}: expected ${columns.length} columns, found ${record.length}`);
        } else {
          rows.push(record.map((cell) => (cell === '' ? null : cell)));
        }
        return null; // kept in `rows`, not in csv-parse's own result
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw new SeedError(`${file} line ${lines.lineOfNextRecord(recordStart)}: ${csvProblem(error)}`, { cause: error });
    }
    throw error;
  }
  if (!columns) throw new SeedError(`${file}: empty file: the first line must name the columns`);
  return { columns, rows };
}

function checkHeader(record: string[], file: string): string[] {
  const seen = new Set<string>();
  for (const column of record) {
    if (!IDENT.test(column) || column.length > MAX_IDENT) {
      throw new SeedError(
        `${file}: column "${column}" in the header is not a lowercase SQL identifier (letters, digits, _; at most ${MAX_IDENT} characters)`,
      );
    }
    if (seen.has(column)) throw new SeedError(`${file}: column "${column}" appears twice in the header`);
    seen.add(column);
  }
  return record;
}

function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a " inside a cell: quote the whole cell and double the " inside it';
    default:
      return error.message;
  }
}

/**
 * Line numbers from byte offsets: csv-parse's own count is off for CRLF line breaks
 * inside quoted cells, and names the line where a record ends, not where it starts.
 */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly input: Buffer) {}

  /** The line where the record after `from` starts: empty lines (skipped by the parser) are passed over. */
  lineOfNextRecord(from: number): number {
    let start = from;
    while (start < this.input.length && (this.input[start] === 0x0a || this.input[start] === 0x0d)) start++;
    for (; this.offset < start; this.offset++) if (this.input[this.offset] === 0x0a) this.line++;
    return this.line;
  }
}

/** Same columns (names, order, text): empty and refill, so views on the seed survive; else recreate. */
async function writeSeed(client: PoolClient, seed: Seed): Promise<void> {
  const table = quoteIdent(seed.table);
  const { rows: existing } = await client.query<{ name: string; type: string }>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
     from pg_attribute a join pg_class c on c.oid = a.attrelid
     where c.oid = to_regclass($1) and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
     order by a.attnum`,
    [table],
  );
  const same =
    existing.length === seed.columns.length && existing.every((col, i) => col.name === seed.columns[i] && col.type === 'text');
  if (same) {
    // DELETE, not TRUNCATE: readers keep seeing the old rows until commit instead of waiting on a lock.
    await client.query(`delete from ${table}`);
  } else {
    await recreate(client, seed, table);
  }
  if (seed.rows.length === 0) return;
  // One parameter per column (an array of its cells): any number of rows in one statement.
  const columns = seed.columns.map(quoteIdent).join(', ');
  const arrays = seed.columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  await client.query(
    `insert into ${table} (${columns}) select * from unnest(${arrays})`,
    seed.columns.map((_, i) => seed.rows.map((row) => row[i] ?? null)),
  );
}

async function recreate(client: PoolClient, seed: Seed, table: string): Promise<void> {
  try {
    await client.query(`drop table if exists ${table}`);
  } catch (error) {
    const { message, detail } = error as { message: string; detail?: string };
    throw new SeedError(
      `${seed.file}: the columns changed, so ${seed.table} must be recreated, but ${message}${detail ? ` (${detail.replaceAll('\n', '; ')})` : ''}: drop those first, then seed again`,
      { cause: error },
    );
  }
  await client.query(`create table ${table} (${seed.columns.map((c) => `${quoteIdent(c)} text`).join(', ')})`);
}
