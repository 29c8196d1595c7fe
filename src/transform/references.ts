/**
 * A fact that references a record missing from its dimension keeps the key;
 * the dimension gets a placeholder row (`is_placeholder`), and
 * `elt_missing_references` lists the key until the real record arrives.
 */
import type { PoolClient } from '../db/pool.ts';
import { quoteIdent } from '../db/identifiers.ts';
import { tableColumns } from './columns.ts';
import { ModelError } from './errors.ts';
import type { ModelFile } from './model-file.ts';

/**
 * `written` holds the reference columns of the rows this run wrote (a temporary table).
 * Placeholders go in key order: two models run at once that add the same keys to one
 * dimension then wait on each other in the same order, never in a deadlock.
 */
export async function linkReferences(db: PoolClient, model: ModelFile, written: string): Promise<void> {
  const f = written;
  for (const ref of model.references) {
    const columns = await tableColumns(db, ref.model);
    if (!columns?.some((c) => c.name === 'is_placeholder')) {
      throw new ModelError(`${model.path}: ${ref.model} must be a table with an is_placeholder column to hold placeholders for missing ${ref.to} values`);
    }
    const d = quoteIdent(ref.model);
    const key = quoteIdent(ref.to);
    const col = quoteIdent(ref.column);
    const named = columns.some((c) => c.name === 'name');
    const label = (id: string) => (named ? `, '(missing ${ref.model} ' || ${id} || ')'` : '');
    const args = [model.name, ref.column, ref.model];
    // A dimension rebuilt whole (materialized: table) loses its placeholders: put back those still listed.
    await db.query(
      `insert into ${d} (${key}, is_placeholder${named ? ', name' : ''})
       select r.referenced_id, true${label('r.referenced_id')}
         from elt_missing_references as r
        where r.model = $1 and r.column_name = $2 and r.referenced_model = $3
          and not exists (select 1 from ${d} as d where d.${key} = r.referenced_id)
        order by 1
       on conflict do nothing`,
      args,
    );
    await db.query(
      `insert into ${d} (${key}, is_placeholder${named ? ', name' : ''})
       select distinct f.${col}, true${label(`f.${col}`)}
         from ${f} as f
        where f.${col} is not null and not exists (select 1 from ${d} as d where d.${key} = f.${col})
        order by 1
       on conflict do nothing`,
    );
    await db.query(
      `insert into elt_missing_references (model, column_name, referenced_model, referenced_id)
       select distinct $1, $2, $3, f.${col} from ${f} as f join ${d} as d on d.${key} = f.${col} and d.is_placeholder
       on conflict do nothing`,
      args,
    );
    // Listed until the dimension holds the real record.
    await db.query(
      `delete from elt_missing_references as r
        where r.model = $1 and r.column_name = $2 and r.referenced_model = $3
          and exists (select 1 from ${d} as d where d.${key} = r.referenced_id and not d.is_placeholder)`,
      args,
    );
  }
}
