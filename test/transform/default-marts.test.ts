/**
 * The default warehouse reads typed staging only: no mart decodes raw JSON
 * (source(), data -> ...) by hand, every staging view it reads is a catalog
 * stream's, and every catalog stream it reads declares what it reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_STREAMS } from '../../src/extract/catalog.ts';
import { stagingViewName } from '../../src/db/staging.ts';

const marts = fileURLToPath(new URL('../../sql/marts', import.meta.url));
const files = readdirSync(marts).filter((f) => f.endsWith('.sql')).sort();
const text = (file: string) => readFileSync(join(marts, file), 'utf8');

describe('the default marts', () => {
  it('are all there', () => {
    expect(files).toHaveLength(30);
  });

  it('read no raw table and no JSON', () => {
    const offending = files.flatMap((f) =>
      text(f).split('\n').flatMap((line, i) => (/\bsource\s*\(|\bdata\s*(->|\?|#>)|\bodoo_(id|name|text|num|int|bool|ts|date|ids)\s*\(/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it('read the staging views of catalog streams that declare the fields they read', () => {
    const declared = new Map(BUILTIN_STREAMS.filter((s) => s.warehouseFields).map((s) => [stagingViewName(s.model), s.model]));
    const read = new Set(files.flatMap((f) => [...text(f).matchAll(/ref\('(stg_[a-z0-9_]+)'\)/g)].map((m) => m[1]!)));
    expect([...read].filter((view) => !declared.has(view))).toEqual([]);
    // A declared stream no mart reads would be a stale contract.
    expect([...declared.keys()].filter((view) => !read.has(view))).toEqual([]);
  });
});
