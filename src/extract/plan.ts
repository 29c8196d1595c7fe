/**
 * Before anything lands, every stream is checked against Odoo: `fields_get`
 * tells whether the model exists and which fields to read. A built-in model
 * the instance lacks is skipped with one warning; a configured stream with an
 * unknown model, field or domain leaf is a configuration error, exit 2.
 */
import pLimit from 'p-limit';
import type { FieldInfo, OdooClient } from '../odoo/client.ts';
import type { StagingField } from '../db/staging.ts';
import { OdooUnknownModelError } from '../odoo/errors.ts';
import { selectFields } from './fields.ts';
import { checkHashFields, withNormalizedCopies } from './hash-fields.ts';
import { ProjectConfigError } from './project-config.ts';
import type { PlannedStream } from './stream-types.ts';
import type { FieldsOf } from './fields-cache.ts';
import type { Stream } from './streams.ts';

export interface Plan {
  readonly streams: PlannedStream[];
  readonly skipped: ReadonlyArray<{ readonly stream: string; readonly reason: string }>;
}

/** `fieldsOf`: where the field lists come from (default one `fields_get` per stream; a run passes fields-cache.ts's). */
export async function planStreams(odoo: OdooClient, streams: readonly Stream[], concurrency: number, fieldsOf?: FieldsOf): Promise<Plan> {
  const fieldsOfModel: FieldsOf = fieldsOf ?? ((model, attributes) => odoo.fieldsGet(model, attributes));
  const limit = pLimit(concurrency);
  const results = await Promise.all(
    streams.map((stream) =>
      limit(async () => {
        try {
          const fields = await fieldsOfModel(stream.model, ['type', 'store', 'string', 'relation']);
          const chosen = selectFields(stream.model, fields, stream);
          checkHashFields(stream.model, fields, stream.hashFields);
          // Only landed fields are hashed: one not read (not stored, not included) has nothing to hide.
          const hashFields = withNormalizedCopies(stream.hashFields, fields).filter((f) => chosen.includes(f));
          const planned: PlannedStream = {
            name: stream.name,
            model: stream.model,
            domain: stream.domain,
            fields: chosen,
            fieldTypes: chosen.map((name) => describeField(name, fields[name], hashFields.includes(name))),
            hashFields,
            incremental: 'write_date' in fields,
          };
          return { planned };
        } catch (error) {
          if (error instanceof OdooUnknownModelError) {
            if (stream.builtin) return { skipped: { stream: stream.name, reason: `Odoo has no model ${stream.model} (module not installed)` } };
            throw new ProjectConfigError(`stream ${stream.name}: ${error.message} on this Odoo database (remove it from elt.yml or install its module)`);
          }
          throw error;
        }
      }),
    ),
  );
  return {
    streams: results.flatMap((r) => ('planned' in r ? [r.planned!] : [])),
    skipped: results.flatMap((r) => ('skipped' in r ? [r.skipped!] : [])),
  };
}

/** What Odoo says of a field (strings only: the values come from a remote server); a hashed one's label says so, for elt docs. */
function describeField(name: string, info: FieldInfo | undefined, hashed: boolean): StagingField {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const label = text(info?.string);
  return { name, type: text(info?.type) ?? 'unknown', relation: text(info?.relation), label: hashed ? `${label ?? name} (keyed hash)` : label };
}
