import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/db/migrate.ts';

describe('migrations', () => {
  it('never name the public schema, so the warehouse can live in a schema of its own (search_path)', () => {
    // drizzle-kit writes "public". before sequences and foreign keys' tables: strip it after npm run db:generate.
    const files = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBeGreaterThan(4);
    const offending = files.filter((f) => /"public"\./i.test(readFileSync(join(migrationsFolder, f), 'utf8')));
    expect(offending).toEqual([]);
  });
});
