import { describe, expect, it } from 'vitest';
import type { FieldDef, RecordValues } from '../../src/simulator/model-def.ts';
import { oneToManyIds } from '../../src/simulator/record-source.ts';

describe('oneToManyIds', () => {
  const lines: Record<number, RecordValues> = {
    1: { id: 1, move_id: 7, display_type: 'product' },
    2: { id: 2, move_id: 7, display_type: 'tax' },
    3: { id: 3, move_id: 7, display_type: 'line_section' },
  };
  const source = {
    children: (_model: string, _field: string, parent: number) => (parent === 7 ? [1, 2, 3] : []),
    get: (_model: string, id: number) => lines[id],
  };
  const field: FieldDef = { type: 'one2many', string: 'Lines', relation: 'account.move.line', relationField: 'move_id' };

  it('gives every child without a domain, and only those the domain keeps with one', () => {
    expect(oneToManyIds(source, field, 7)).toEqual([1, 2, 3]);
    expect(oneToManyIds(source, { ...field, domain: (l) => l.display_type !== 'tax' }, 7)).toEqual([1, 3]);
    expect(oneToManyIds(source, { ...field, domain: () => true }, 8)).toEqual([]);
  });
});
