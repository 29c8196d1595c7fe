import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDemoFolder } from '../../src/demo/demo-folder.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'elt-demo-folder-')), 'demo');

describe('openDemoFolder', () => {
  it('records every run, to the second, and never lets the clock go back', () => {
    const dir = fresh();
    const first = openDemoFolder(dir, new Date('2026-11-20T10:00:00.700Z'));
    expect(existsSync(join(dir, 'demo.lock'))).toBe(true);
    first.record();
    first.release();
    expect(existsSync(join(dir, 'demo.lock'))).toBe(false);
    const second = openDemoFolder(dir, new Date('2026-11-21T08:30:00Z'));
    second.record();
    second.release();
    // A run refused before it landed anything (never recorded) is not one.
    openDemoFolder(dir, new Date('2026-11-21T08:30:00.500Z')).release();
    // This machine's clock went back: the run still comes after the last one.
    const third = openDemoFolder(dir, new Date('2026-11-19T00:00:00Z'));
    third.record();
    third.release();
    expect(third.runs.map((d) => d.toISOString())).toEqual(['2026-11-20T10:00:00.000Z', '2026-11-21T08:30:00.000Z', '2026-11-21T08:30:01.000Z']);
    expect(JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8'))).toEqual({ runs: third.runs.map((d) => d.toISOString()) });
    expect(third.pgdata).toBe(join(dir, 'pgdata'));
  });

  it('takes over the lock of a demo that was killed, and refuses one that is alive', () => {
    const dir = fresh();
    openDemoFolder(dir).release();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(join(dir, 'demo.lock'), String(dead));
    const taken = openDemoFolder(dir);
    expect(readFileSync(join(dir, 'demo.lock'), 'utf8')).toBe(String(process.pid));
    taken.release();
    writeFileSync(join(dir, 'demo.lock'), String(process.ppid));
    expect(() => openDemoFolder(dir)).toThrow(`another elt demo (process ${process.ppid}) is using ${dir}: wait for it to end`);
  });

  it('a first run refused before it records leaves a demo folder with no run, which the next run starts', () => {
    const dir = fresh();
    const refused = openDemoFolder(dir, new Date('2026-11-20T10:00:00Z'));
    refused.release();
    expect(JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8'))).toEqual({ runs: [] });
    const next = openDemoFolder(dir, new Date('2026-11-20T11:00:00Z'));
    expect(next.runs.map((d) => d.toISOString())).toEqual(['2026-11-20T11:00:00.000Z']);
    next.release();
  });

  it('refuses a state file it cannot read, and leaves no lock behind', () => {
    const dir = fresh();
    openDemoFolder(dir).release();
    writeFileSync(join(dir, 'demo.json'), '{"runs": ["yesterday"]}');
    expect(() => openDemoFolder(dir)).toThrow(`${join(dir, 'demo.json')} is not an elt demo state file: delete its folder to start the demo over`);
    expect(existsSync(join(dir, 'demo.lock'))).toBe(false);
  });
});
