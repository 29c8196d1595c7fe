/**
 * Running `elt` from a test: in-process through runCli (fast, for tables of
 * cases) or as a real process through bin/elt.mjs (the real exit path, and
 * every byte it writes to stdout and stderr, logs included).
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { vi } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { machineEnv } from './machine-env.ts';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A variable set to undefined is removed from the environment for that run. */
export type EnvOverrides = Record<string, string | undefined>;

/** Every variable elt reads: cleared before each in-process run so the test runner's own never leak in. */
const ELT_VARIABLES = /^(ODOO_|DATABASE_URL$|ELT_|LOG_LEVEL$|PG)/;

const bin = fileURLToPath(new URL('../../bin/elt.mjs', import.meta.url));

/**
 * Runs `elt argv` in this process with exactly `env` as elt's variables and
 * `cwd` as working directory; captures console output. Logs go to fd 2
 * directly, so callers set LOG_LEVEL=silent here and spawn to see logs.
 */
export async function runCliInProcess(argv: string[], env: EnvOverrides, cwd: string): Promise<CliOutcome> {
  const saved = { ...process.env };
  const savedCwd = process.cwd();
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(`${args.join(' ')}\n`));
  const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(`${args.join(' ')}\n`));
  try {
    for (const key of Object.keys(process.env)) if (ELT_VARIABLES.test(key)) delete process.env[key];
    for (const [key, value] of Object.entries(env)) if (value !== undefined) process.env[key] = value;
    process.chdir(cwd);
    const code = await runCli(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    log.mockRestore();
    error.mockRestore();
  }
}

/** Spawns `node bin/elt.mjs args` with only the machine's variables (machine-env.ts) and `env`. */
export function spawnElt(args: string[], env: EnvOverrides, cwd: string): Promise<CliOutcome> {
  const base = machineEnv();
  const merged = Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: merged, cwd }, (failure, stdout, stderr) => {
      resolve({ code: failure ? (typeof failure.code === 'number' ? failure.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A temporary project folder holding `files` (paths relative to it). */
export function projectDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'elt-project-'));
  // As root, an `elt demo` run in it starts PostgreSQL as an unprivileged user, which must reach it.
  chmodSync(dir, 0o755);
  writeFiles(dir, files);
  return dir;
}

/** Writes each `path: text` under `dir`, making the folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * A test project's files with `default_models: false` in its elt.yml: its
 * own models only, without the default warehouse layered under it.
 */
export function ownModelsOnly(files: Record<string, string>): Record<string, string> {
  const own = files['elt.yml'];
  // Appended, so a test's own elt.yml keeps its line numbers.
  return { ...files, 'elt.yml': own === undefined ? 'default_models: false\n' : `${own}${own.endsWith('\n') ? '' : '\n'}default_models: false\n` };
}

/** Every table of the public schema with its row count: equal snapshots mean nothing was written. */
export async function tableCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  if (tables.length === 0) return {};
  const sql = tables.map((t, i) => `select $${i + 1}::text as name, count(*)::int as n from public."${t.name.replaceAll('"', '""')}"`).join(' union all ');
  const { rows } = await pool.query<{ name: string; n: number }>(sql, tables.map((t) => t.name));
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

/** A local TCP port nothing listens on (bound, then released): connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
