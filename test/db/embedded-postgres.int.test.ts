/**
 * The embedded server the demo runs on (and the tests, where no other is
 * given): a real PostgreSQL in a folder, started, restarted with its data,
 * taking over from a server whose process was killed, and refusing what it
 * cannot open with one line.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres.ts';

const root = mkdtempSync(join(tmpdir(), 'elt-embedded-pg-'));
chmodSync(root, 0o755); // as root the server runs as an unprivileged user
const started: EmbeddedPostgres[] = [];

afterAll(async () => {
  for (const server of started) await server.stop();
  rmSync(root, { recursive: true, force: true });
});

async function start(dataDir: string, port?: number): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedPostgres({ dataDir, port, settings: { fsync: 'off' } });
  started.push(server);
  return server;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  const dataDir = join(root, 'data');

  it('creates a server in an empty folder that takes COPY and many connections at once', async () => {
    const server = await start(dataDir);
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/postgres`);
    expect((await query<{ v: string }>(server.url, "select current_setting('server_version') as v"))[0]!.v).toMatch(/^18\.\d+/);
    await query(server.url, 'create table t (id int primary key, note text)');
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await pipeline(Readable.from(['1\tone\n2\ttwo\n']), client.query(copyFrom('copy t from stdin')));
    await client.end();
    const counts = await Promise.all(Array.from({ length: 20 }, () => query<{ n: number }>(server.url, 'select count(*)::int as n, pg_sleep(0.2) from t')));
    expect(counts.map((rows) => rows[0]!.n)).toEqual(Array(20).fill(2));
  });

  it('keeps its data across a stop and a start, and a second stop does nothing', async () => {
    const first = started.at(-1)!;
    await first.stop();
    await first.stop();
    await expect(query(first.url, 'select 1')).rejects.toThrow();
    const again = await start(dataDir);
    expect(await query(again.url, 'select id, note from t order by id')).toEqual([{ id: 1, note: 'one' }, { id: 2, note: 'two' }]);
  });

  it('stops a server left running by a killed process before it starts its own on the folder', async () => {
    const orphan = started.at(-1)!; // never stopped by us: stands for the server of a process that was killed
    const server = await start(dataDir);
    expect(server.port).not.toBe(orphan.port);
    await expect(query(orphan.url, 'select 1')).rejects.toThrow();
    expect((await query<{ n: number }>(server.url, 'select count(*)::int as n from t'))[0]!.n).toBe(2);
  });

  it('refuses a folder made by another PostgreSQL major version, in one line', async () => {
    const old = join(root, 'old');
    await start(join(root, 'old')).then((s) => s.stop());
    writeFileSync(join(old, 'PG_VERSION'), '17\n');
    const refused = startEmbeddedPostgres({ dataDir: old });
    await expect(refused).rejects.toBeInstanceOf(EmbeddedPostgresError);
    await expect(refused).rejects.toThrow(`${old} holds a PostgreSQL 17 database and the embedded server is PostgreSQL 18: delete the folder to start over`);
  });

  it('takes no other PostgreSQL on its port for its own, even one that lets it in: it says the port is taken', async () => {
    const other = await start(join(root, 'other'));
    try {
      await expect(startEmbeddedPostgres({ dataDir: join(root, 'mine'), port: other.port })).rejects.toThrow(
        `the embedded PostgreSQL cannot listen on 127.0.0.1:${other.port}: the port is in use, pick another`,
      );
    } finally {
      await other.stop();
    }
  });

  it('says so when the port it was given is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      await expect(startEmbeddedPostgres({ dataDir: join(root, 'taken'), port })).rejects.toThrow(`the embedded PostgreSQL cannot listen on 127.0.0.1:${port}: the port is in use, pick another`);
    } finally {
      blocker.close();
    }
  });
});
