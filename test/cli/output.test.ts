import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCommandLogger } from '../../src/cli/logger.ts';
import { decideOutput, takeVerbose } from '../../src/cli/output.ts';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('where the words go (output.ts decides)', () => {
  it('a terminal: bars, warnings and errors only; --verbose adds the informational lines; the log file takes info or LOG_LEVEL', () => {
    expect(decideOutput({ level: 'info', dir: '/p', stderr: tty, env: {}, verbose: false })).toEqual({ live: true, verbose: false, consoleLevel: 'warn', logFile: { path: '/p/logs/elt.log', level: 'info' } });
    expect(decideOutput({ level: 'info', dir: '/p', stderr: tty, env: {}, verbose: true })).toMatchObject({ live: true, consoleLevel: 'info' });
    expect(decideOutput({ level: 'debug', dir: '/p', stderr: tty, env: {}, verbose: false })).toMatchObject({ consoleLevel: 'warn', logFile: { level: 'debug' } });
    expect(decideOutput({ level: 'error', dir: '/p', stderr: tty, env: {}, verbose: false })).toMatchObject({ consoleLevel: 'error', logFile: { level: 'info' } });
  });

  it('a pipe, cron or CI: no bars, JSON lines on stderr at LOG_LEVEL; silent writes no file', () => {
    expect(decideOutput({ level: 'info', dir: '/p', stderr: pipe, env: {}, verbose: false })).toMatchObject({ live: false, consoleLevel: 'info' });
    expect(decideOutput({ level: 'warn', dir: '/p', stderr: tty, env: { CI: 'true' }, verbose: false })).toMatchObject({ live: false, consoleLevel: 'warn', logFile: { level: 'info' } });
    expect(decideOutput({ level: 'silent', dir: '/p', stderr: pipe, env: {}, verbose: false }).logFile).toBeNull();
  });

  it('--verbose is taken out of the arguments wherever it stands', () => {
    expect(takeVerbose(['run', '--verbose', '--threads', '2'])).toEqual(['run', '--threads', '2']);
    expect(decideOutput({ level: 'info', dir: null, stderr: tty, env: {} }).verbose).toBe(true);
    expect(takeVerbose(['run'])).toEqual(['run']);
    expect(decideOutput({ level: 'info', dir: null, stderr: tty, env: {} }).verbose).toBe(false);
  });

  it('the log file gets JSON lines from info up, secrets masked, appended run after run; past 10 MB it starts over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'elt-log-'));
    const output = decideOutput({ level: 'info', dir, stderr: pipe, env: {}, verbose: false });
    const quiet = { ...output, consoleLevel: 'silent' as const };
    const log = createCommandLogger(quiet, ['Sup3r-Secret']);
    log.debug('not kept');
    log.info({ stream: 'pos.order' }, 'extracted pos.order with Sup3r-Secret');
    createCommandLogger(quiet, []).warn('second run');
    const path = join(dir, 'logs', 'elt.log');
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toMatchObject([{ level: 30, stream: 'pos.order', msg: 'extracted pos.order with [redacted]' }, { level: 40, msg: 'second run' }]);

    writeFileSync(path, 'x'.repeat(10 * 1024 * 1024 + 1));
    createCommandLogger(quiet, []).info('fresh');
    expect(readFileSync(path, 'utf8').trim()).toMatch(/"msg":"fresh"/);
    expect(readFileSync(`${path}.1`, 'utf8')).toHaveLength(10 * 1024 * 1024 + 1);
  });
});
