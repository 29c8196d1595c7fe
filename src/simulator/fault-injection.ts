/**
 * Faults a test asks for, applied to the next matching calls:
 * - http: answer with that HTTP status (and Retry-After), as a proxy in front
 *   of Odoo (nginx: 429, 502, 503, 504) or Odoo's own Werkzeug (500) would;
 * - reset: reset the connection without answering;
 * - cut: send the status, the headers and half of the real answer, then reset
 *   the connection (a worker killed mid-response);
 * - truncate: announce the whole answer in Content-Length, send half of it,
 *   then close the connection cleanly (a proxy timing out mid-body);
 * - stall: wait `ms` before handling the call normally (to trip client timeouts);
 * - fault: answer with an Odoo fault of that code and text (XML-RPC's fault
 *   codes; the JSON routes render it as Odoo would).
 * `model`/`method` narrow the match for object calls; every kind but `fault`
 * with no model also hits common calls (version, authenticate, /web/version),
 * `method` then being the common method's name. `times` defaults to 1
 * (Infinity allowed).
 *
 * `chaos` adds random faults on top: each call (common ones included) fails
 * with probability `rate`, with a kind drawn from `faults`, from a seeded
 * generator, so a run is repeatable. Every fault applied is recorded.
 */
import { Rng } from './generator/random.ts';

interface FaultBase {
  readonly model?: string;
  readonly method?: string;
  readonly times?: number;
}

/** The faults a proxy, the network or a dying worker cause: a client should retry them. */
export type TransportFault =
  | { readonly kind: 'http'; readonly status: number; readonly retryAfter?: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'cut' }
  | { readonly kind: 'truncate' }
  | { readonly kind: 'stall'; readonly ms: number };

export type FaultSpec = (FaultBase & TransportFault) | (FaultBase & { readonly kind: 'fault'; readonly code: number; readonly message: string });

export interface ChaosOptions {
  /** Share of calls that fail, 0 to 1. */
  readonly rate: number;
  /** Default 1. */
  readonly seed?: number;
  /** What a failing call gets, drawn uniformly; default `defaultChaosFaults(stallMs)`. */
  readonly faults?: readonly TransportFault[];
  /** How long the default stall lasts: set it past the client's timeout. Default 2000. */
  readonly stallMs?: number;
}

/** What a call is about: an object call names a model and an ORM method; a common call only a method. */
export type CallTarget = { readonly service: 'object'; readonly model: string; readonly method: string } | { readonly service: 'common'; readonly method: string };

/** One fault the simulator applied, for tests to report and assert on. */
export interface InjectedFault {
  /** e.g. 'http 503', 'reset', 'cut', 'truncate', 'stall', 'fault 1'. */
  readonly fault: string;
  /** e.g. 'res.partner.search_read', or 'common.version'. */
  readonly call: string;
  readonly source: 'queued' | 'chaos';
}

/** One of each transport fault; 429 asks for a one-second wait, as a rate limiter would. */
export function defaultChaosFaults(stallMs = 2_000): TransportFault[] {
  return [
    { kind: 'http', status: 500 },
    { kind: 'http', status: 502 },
    { kind: 'http', status: 503 },
    { kind: 'http', status: 429, retryAfter: 1 },
    { kind: 'reset' },
    { kind: 'cut' },
    { kind: 'truncate' },
    { kind: 'stall', ms: stallMs },
  ];
}

export class FaultQueue {
  readonly injected: InjectedFault[] = [];
  private readonly pending: Array<{ spec: FaultSpec; left: number }> = [];
  private chaos: { rate: number; rng: Rng; faults: readonly TransportFault[] } | undefined;

  add(spec: FaultSpec): void {
    const left = spec.times ?? 1;
    if (left > 0) this.pending.push({ spec, left });
  }

  /** Starts random faults (a rate of 0, or undefined, stops them). */
  setChaos(options: ChaosOptions | undefined): void {
    if (options === undefined || options.rate === 0) {
      this.chaos = undefined;
      return;
    }
    if (!(options.rate > 0 && options.rate <= 1)) throw new RangeError(`chaos rate must be in (0, 1], got ${options.rate}`);
    const faults = options.faults ?? defaultChaosFaults(options.stallMs);
    if (faults.length === 0) throw new RangeError('chaos needs at least one fault kind');
    this.chaos = { rate: options.rate, rng: new Rng(options.seed ?? 1), faults };
  }

  /** The fault for this call, if any: queued ones first (counted down), then a chaos draw. */
  take(target: CallTarget): FaultSpec | undefined {
    const index = this.pending.findIndex(({ spec }) => matches(spec, target));
    if (index >= 0) {
      const entry = this.pending[index]!;
      if (--entry.left <= 0) this.pending.splice(index, 1);
      return this.record(entry.spec, target, 'queued');
    }
    if (this.chaos === undefined) return undefined;
    const { rng, rate, faults } = this.chaos;
    // Two draws per call whatever the outcome, so one call's luck does not shift the next one's.
    const fails = rng.next() < rate;
    const fault = rng.pick(faults);
    return fails ? this.record(fault, target, 'chaos') : undefined;
  }

  private record<T extends FaultSpec>(spec: T, target: CallTarget, source: InjectedFault['source']): T {
    const call = target.service === 'object' ? `${target.model}.${target.method}` : `common.${target.method}`;
    this.injected.push({ fault: faultLabel(spec), call, source });
    return spec;
  }
}

export function faultLabel(spec: FaultSpec): string {
  if (spec.kind === 'http') return `http ${spec.status}`;
  if (spec.kind === 'fault') return `fault ${spec.code}`;
  return spec.kind;
}

function matches(spec: FaultSpec, target: CallTarget): boolean {
  if (spec.method !== undefined && spec.method !== target.method) return false;
  if (target.service === 'object') return spec.model === undefined || spec.model === target.model;
  return spec.model === undefined && spec.kind !== 'fault';
}
