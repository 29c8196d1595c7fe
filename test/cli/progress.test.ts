import { describe, expect, it } from 'vitest';
import { decideOutput } from '../../src/cli/output.ts';
import { startProgress } from '../../src/cli/progress.ts';
import { ProgressLog } from '../../src/cli/progress-log.ts';
import { TerminalProgress } from '../../src/cli/progress-tty.ts';

const silent = { info: () => {}, warn: () => {} };

/** A stand-in for a terminal: keeps what is written, escape sequences and all. */
function fakeTerminal(columns: number) {
  const chunks: string[] = [];
  const stream = { isTTY: true, columns, write: (s: string) => void chunks.push(s) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('').replace(/\x1B\[[0-9;?]*[A-Za-z]/g, '') };
}

describe('the progress display', () => {
  it('draws bars on a terminal, writes log lines on a pipe or in CI', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    const pipe = { isTTY: false } as NodeJS.WriteStream;
    const live = (stderr: NodeJS.WriteStream, env: NodeJS.ProcessEnv) => decideOutput({ level: 'info', dir: null, stderr, env, verbose: false }).live;
    const shown = [startProgress(silent, live(tty, {}), tty), startProgress(silent, live(pipe, {}), pipe), startProgress(silent, live(tty, { CI: 'true' }), tty)];
    for (const p of shown) p.close();
    expect(shown.map((p) => p.constructor)).toEqual([TerminalProgress, ProgressLog, ProgressLog]);
  });

  it('a terminal bar shows the stream, its bar and the same figures as the log lines, and fits the width', () => {
    let now = 0;
    const wide = fakeTerminal(120);
    const progress = new TerminalProgress(silent, wide.stream, () => now);
    progress.onPassStart('pos.order.line', 1_000);
    now = 10_000;
    progress.onPage('pos.order.line', 500);
    progress.close();
    expect(wide.text()).toContain(`pos.order.line       ${'█'.repeat(12)}${'░'.repeat(12)} 500/1,000 records, 50/s, ETA 10 s`);

    const narrow = fakeTerminal(50); // no room for a bar
    const small = new TerminalProgress(silent, narrow.stream, () => now);
    small.onPassStart('pos.order.line', 1_000);
    small.onPage('pos.order.line', 250);
    small.close();
    expect(narrow.text()).toContain('pos.order.line       250/1,000 records, 0/s');
  });

  it('the transform line counts the models that ended and names the longest running one, with threads several at once', () => {
    let now = 0;
    const term = fakeTerminal(100);
    const progress = new TerminalProgress(silent, term.stream, () => now);
    progress.onModelStart('dim_a', 0, 4);
    now = 1_000;
    progress.onModelStart('dim_b', 1, 4);
    progress.onModelStart('dim_c', 2, 4);
    now = 3_000;
    progress.onModelEnd('dim_b', 'success');
    progress.close();
    expect(term.text()).toContain(`transform            ${'█'.repeat(6)}${'░'.repeat(18)} 1/4 models, dim_a 3 s +1`);
  });

  it('a pass with nothing to read draws no bar (one created and removed at once was left on screen in tmux)', () => {
    const term = fakeTerminal(100);
    const progress = new TerminalProgress(silent, term.stream, () => 0);
    progress.onPassStart('purchase.order', 0);
    progress.onStreamEnd('purchase.order', 'success');
    progress.close();
    expect(term.text()).toBe('');
  });
});
