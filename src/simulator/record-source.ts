import type { FieldDef, RecordLookup, RecordValues } from './model-def.ts';
import type { ModelInfo } from './model-info.ts';

/**
 * What searching needs from the store. Domain evaluation and search depend on
 * this interface, not on the Store class, so the store can use them without an
 * import cycle.
 */
export interface RecordSource extends RecordLookup {
  info(model: string): ModelInfo | undefined;
  /** Records with lo <= id <= hi, ascending unless `descending`. */
  scan(model: string, lo?: number, hi?: number, descending?: boolean): Iterable<RecordValues>;
  /** Ids of `comodel` records whose `inverseField` points at `parentId`. */
  children(comodel: string, inverseField: string, parentId: number): readonly number[];
  displayName(model: string, id: number): string | false | undefined;
}

/** A one2many's ids for one parent: the inverse many2one's children, narrowed by the field's `domain`. */
export function oneToManyIds(source: Pick<RecordSource, 'children' | 'get'>, field: FieldDef, parentId: number): readonly number[] {
  const ids = source.children(field.relation!, field.relationField!, parentId);
  const domain = field.domain;
  if (!domain) return ids;
  return ids.filter((id) => {
    const child = source.get(field.relation!, id);
    return child !== undefined && domain(child);
  });
}
