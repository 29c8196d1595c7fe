import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { copyText } from '../../src/db/raw-tables.ts';

describe('copyText', () => {
  it('writes id, write_date and the JSON, escaping what COPY would read as control characters', () => {
    const text = copyText([
      { id: 7, write_date: '2026-11-01 10:00:00', name: 'tab\there\nnew\rline back\\slash "q"' },
      { id: 8, write_date: false, name: '\\N' },
    ], { hash: false });
    expect(text).toBe(
      '7\t2026-11-01 10:00:00\t{"id":7,"write_date":"2026-11-01 10:00:00","name":"tab\\\\there\\\\nnew\\\\rline back\\\\\\\\slash \\\\"q\\\\""}\n' +
        '8\t\\N\t{"id":8,"write_date":false,"name":"\\\\\\\\N"}\n',
    );
  });

  it('escapes raw control characters in a write_date too, and gives nothing for no records', () => {
    expect(copyText([{ id: 1, write_date: 'a\tb' }], { hash: false })).toBe('1\ta\\tb\t{"id":1,"write_date":"a\\\\tb"}\n');
    expect(copyText([])).toBe('');
  });

  it('ends each row with the MD5 of the JSON as sent (hex, which uuid input reads)', () => {
    const json = '{"id":3,"write_date":false,"name":"é\\t"}';
    expect(JSON.parse(json).name).toBe('é\t');
    const md5 = createHash('md5').update(json).digest('hex');
    expect(copyText([{ id: 3, write_date: false, name: 'é\t' }])).toBe(`3\t\\N\t{"id":3,"write_date":false,"name":"é\\\\t"}\t${md5}\n`);
  });
});
