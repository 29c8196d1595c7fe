import { describe, expect, it } from 'vitest';
import { flagValues, rejectUnknownFlags, takeProjectDir, threadsFlag } from '../../src/cli/flags.ts';

describe('command-line flags', () => {
  it('collects every value of a repeatable flag, dbt-style', () => {
    expect(flagValues(['--select', 'a', 'b', '--full-refresh', '--select=c d', '-s', 'tag:x'], 'select', 's')).toEqual(['a', 'b', 'c', 'd', 'tag:x']);
    expect(flagValues(['--exclude', '+x'], 'select')).toEqual([]);
    expect(() => flagValues(['--select', '--full-refresh'], 'select')).toThrow('--select needs a value, e.g. --select dim_products');
  });

  it('refuses unknown flags and accepts declared ones, their aliases and negations', () => {
    const args = { select: { type: 'string', alias: 's' }, 'full-refresh': { type: 'boolean' } } as const;
    expect(() => rejectUnknownFlags(['--select', 'a', '-s', 'b', '--full-refresh', '--no-full-refresh'], args)).not.toThrow();
    expect(() => rejectUnknownFlags(['--selct', 'a'], args)).toThrow('unknown option --selct: did you mean --select? (see --help)');
  });

  it('names the nearest option, and the command whose help to see', () => {
    const args = { streams: { type: 'string' }, 'full-refresh': { type: 'boolean' }, 'detect-deletes': { type: 'boolean' }, dir: { type: 'positional' } } as const;
    expect(() => rejectUnknownFlags(['--fullrefresh'], args, 'run')).toThrow(/^unknown option --fullrefresh: did you mean --full-refresh\? \(see elt run --help\)$/);
    expect(() => rejectUnknownFlags(['--stream=pos.order'], args, 'run')).toThrow(/^unknown option --stream: did you mean --streams\? \(see elt run --help\)$/);
    expect(() => rejectUnknownFlags(['--projectdir', 'x'], args, 'run')).toThrow('unknown option --projectdir: did you mean --project-dir? (see elt run --help)');
    expect(() => rejectUnknownFlags(['--dri'], args, 'run')).toThrow(/^unknown option --dri \(see elt run --help\)$/);
    expect(() => rejectUnknownFlags(['--quiet'], args, 'run')).toThrow(/^unknown option --quiet \(see elt run --help\)$/);
    expect(() => rejectUnknownFlags(['--streams'], args, 'run')).toThrow(/^--streams needs a value \(see elt run --help\)$/);
  });

  it('refuses stray words and string flags without a value; --select takes several values', () => {
    const args = { select: { type: 'string', valueHint: 'dim_products+' }, streams: { type: 'string' }, 'full-refresh': { type: 'boolean' } } as const;
    expect(() => rejectUnknownFlags(['--select', 'a', 'b', '--streams', 'pos.order'], args)).not.toThrow();
    expect(() => rejectUnknownFlags(['--streams', 'pos.order', 'pos.order.line'], args)).toThrow('unexpected argument "pos.order.line" (options start with --; see --help)');
    expect(() => rejectUnknownFlags(['pos.order'], args)).toThrow('unexpected argument "pos.order"');
    expect(() => rejectUnknownFlags(['--full-refresh', 'yes'], args)).toThrow('unexpected argument "yes"');
    expect(() => rejectUnknownFlags(['--select', '--full-refresh'], args)).toThrow('--select needs a value, e.g. --select dim_products+ (see --help)');
    expect(() => rejectUnknownFlags(['--streams='], args)).toThrow('--streams needs a value (see --help)');
    expect(() => rejectUnknownFlags(['--streams=pos.order'], args)).not.toThrow();
  });

  it('--project-dir is taken out before the command sees its flags, in either spelling; a command may declare positionals', () => {
    expect(takeProjectDir(['--project-dir', 'wh', 'run', '--full-refresh'])).toEqual({ dir: 'wh', rest: ['run', '--full-refresh'] });
    expect(takeProjectDir(['ls', '--project-dir=../wh', '-s', 'x'])).toEqual({ dir: '../wh', rest: ['ls', '-s', 'x'] });
    expect(takeProjectDir(['ls', '--', '--project-dir', 'x'])).toEqual({ dir: null, rest: ['ls', '--', '--project-dir', 'x'] });
    expect(() => takeProjectDir(['run', '--project-dir'])).toThrow('--project-dir needs a folder, e.g. --project-dir ./warehouse (see --help)');
    expect(() => takeProjectDir(['run', '--project-dir', '--full-refresh'])).toThrow('--project-dir needs a folder');
    const args = { dir: { type: 'positional' }, force: { type: 'boolean' } } as const;
    expect(() => rejectUnknownFlags(['my-wh', '--force'], args)).not.toThrow();
    expect(() => rejectUnknownFlags(['my-wh', 'other'], args)).toThrow('unexpected argument "other"');
  });

  it('--threads takes a whole number from 1 to 32', () => {
    expect(threadsFlag(undefined)).toBeUndefined();
    expect(threadsFlag('8')).toBe(8);
    for (const bad of ['0', '33', '2.5', 'four', '']) expect(() => threadsFlag(bad)).toThrow(`--threads must be a whole number from 1 to 32, got "${bad}" (e.g. --threads 4)`);
  });
});
