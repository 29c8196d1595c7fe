import type pg from 'pg';

/** Everything a table's definition is made of, by name (columns, constraints, indexes, comments, grants, options): equal before and after a swap. */
export async function tableDefinition(pool: pg.Pool, table: string) {
  const rows = async (sql: string) => (await pool.query(sql, [table])).rows;
  const [cls] = await rows(`select obj_description(oid, 'pg_class') as comment, reloptions as options, relacl::text as acl from pg_class where oid = $1::regclass`);
  return {
    ...cls,
    columns: await rows(
      `select attname, format_type(atttypid, atttypmod) as type, attnotnull, pg_get_expr(d.adbin, d.adrelid) as default, col_description(a.attrelid, a.attnum) as comment
         from pg_attribute as a left join pg_attrdef as d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`),
    constraints: await rows(`select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = $1::regclass order by conname`),
    indexes: await rows(`select indexname, indexdef, obj_description(format('%I', indexname)::regclass, 'pg_class') as comment from pg_indexes where tablename = $1 order by indexname`),
  };
}
