/**
 * The parts of `npm run bench:odoo` that count and compare: a transport
 * wrapper that counts every Odoo request by model (from the outside, so
 * src/ stays as the extract has it), the sequential reader the original
 * Python ETL was, and the table both are printed in.
 */
import type { OdooClient, OdooRecord } from '../src/odoo/client.ts';
import type { Transport } from '../src/odoo/transport.ts';

/** Requests of one run: per stream model, and the run-level ones (login, version, the user's companies, anything else). */
export class RequestCounter {
  readonly byModel = new Map<string, number>();
  readonly runLevel = new Map<string, number>();

  constructor(private readonly streamModels: ReadonlySet<string>) {}

  /** An executeKw: a stream's when it is on a stream's model, except the run's read of the user's companies. */
  call(model: string, method: string, kwargs: Readonly<Record<string, unknown>>): void {
    const fields = kwargs.fields;
    const companies = model === 'res.users' && Array.isArray(fields) && fields.length === 1 && fields[0] === 'company_ids';
    if (this.streamModels.has(model) && !companies) bump(this.byModel, model);
    else bump(this.runLevel, companies ? 'companies' : `${model}.${method}`);
  }

  other(name: string): void {
    bump(this.runLevel, name);
  }

  get runLevelTotal(): number {
    return [...this.runLevel.values()].reduce((a, b) => a + b, 0);
  }

  /** `authenticate 1, companies 1` */
  describeRunLevel(): string {
    return [...this.runLevel].map(([name, n]) => `${name} ${n}`).join(', ') || 'none';
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * `inner` with every request counted: executeKw by model, any other method (authenticate,
 * version, or one added to Transport later) by its name. A proxy rather than a copy, so a
 * method the transport gains still reaches it; serverClock reads a header, no request.
 */
export function countingTransport(inner: Transport, counter: RequestCounter): Transport {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'serverClock') return value.bind(target);
      return (...args: unknown[]) => {
        if (property === 'executeKw') counter.call(args[2] as string, args[3] as string, (args[5] ?? {}) as Record<string, unknown>);
        else counter.other(String(property));
        return value.apply(target, args);
      };
    },
  });
}

export interface StreamFigures {
  readonly stream: string;
  readonly records: number;
  readonly requests: number;
  readonly seconds: number;
  readonly note?: string;
}

/**
 * The way the original Python ETL read a stream: `search_read` pages of `pageSize` by
 * growing offset, ordered by id, archived records included, one request at a time, until a
 * short page. Nothing is written: this is Odoo's side of the cost only.
 */
export async function sequentialRead(odoo: OdooClient, model: string, fields: readonly string[], pageSize = 1000): Promise<StreamFigures> {
  const started = performance.now();
  let records = 0;
  let requests = 0;
  for (let offset = 0; ; offset += pageSize) {
    const page = await odoo.searchRead<OdooRecord>(model, [], { fields: [...fields], order: 'id', offset, limit: pageSize, context: { active_test: false } });
    requests++;
    records += page.length;
    if (page.length < pageSize) break;
  }
  return { stream: model, records, requests, seconds: (performance.now() - started) / 1000 };
}

/** One table: a row per stream, then the run-level requests (when given) and the total. */
export function formatStreams(rows: readonly StreamFigures[], total: StreamFigures, runLevel?: { label: string; requests: number }): string {
  const header = ['stream', 'records', 'requests', 'seconds', 'records/s', 'note'];
  const cells = (r: StreamFigures) => [r.stream, int(r.records), int(r.requests), r.seconds.toFixed(2), r.seconds > 0 ? int(r.records / r.seconds) : '-', r.note ?? ''];
  const body = [...rows.map(cells), ...(runLevel === undefined ? [] : [['run-level', '', int(runLevel.requests), '', '', runLevel.label]]), cells(total)];
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => `| ${c.map((text, i) => (i >= 1 && i <= 4 ? text.padStart(widths[i]!) : text.padEnd(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
