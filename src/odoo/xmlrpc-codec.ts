/**
 * XML-RPC encoding and decoding, delegated to the `xmlrpc` package's
 * serializer and SAX deserializer (the HTTP side is ours, in
 * `xmlrpc-transport.ts`). The transport decodes answers with the faster
 * `xmlrpc-decoder.ts`; `decodeResponse` here is the reference it is tested
 * and benchmarked against. What Odoo sends, and how it decodes:
 * - datetimes and dates: plain `<string>` ("2024-05-01 10:00:00"), kept as strings;
 * - integers: `<int>` (Python refuses to marshal ints beyond 32 bits), a number;
 * - `<i8>` (never from Odoo, seen from proxies/other servers): a string, exact digits kept;
 * - `<nil/>` (Odoo marshals with allow_none=False, so only from extensions): null;
 * - `<double>` "inf"/"-inf"/"nan" (Python's repr): ±Infinity/NaN instead of a parse error;
 * - `<dateTime.iso8601>` (only from custom methods): a Date, UTC when it has no offset.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { decodeXmlRpcDateTime } from './xmlrpc-datetime.ts';

/** A fault answer: Odoo raised; code and text as Odoo sent them. */
export interface XmlRpcFault {
  readonly faultCode: number | string;
  readonly faultString: string;
}

export type Decoded = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly fault: XmlRpcFault };

interface DeserializerInstance {
  endDouble(data: string): void;
  endDateTime(data: string): void;
  push(value: unknown): void;
  value: boolean;
  deserializeMethodResponse(stream: Readable, callback: (error: unknown, value?: unknown) => void): void;
}

const require = createRequire(import.meta.url);
const serializer = require('xmlrpc/lib/serializer.js') as {
  serializeMethodCall(method: string, params: unknown[], encoding?: string): string;
};
const Deserializer = require('xmlrpc/lib/deserializer.js') as new (encoding?: string) => DeserializerInstance;

const PYTHON_SPECIAL_DOUBLES: Readonly<Record<string, number>> = {
  inf: Number.POSITIVE_INFINITY,
  '-inf': Number.NEGATIVE_INFINITY,
  nan: Number.NaN,
};

/** The XML of a method call. `undefined` members are dropped (the serializer would send an empty string). */
export function encodeCall(method: string, params: readonly unknown[]): string {
  return serializer.serializeMethodCall(method, params.map(toWire));
}

/**
 * Decodes a methodResponse body with the package (the reference, see above).
 * Resolves with the value or the fault; rejects with a plain Error (message
 * from the parser) when the body is not an XML-RPC response.
 */
export function decodeResponse(body: Buffer): Promise<Decoded> {
  return new Promise((resolve, reject) => {
    const deserializer = new Deserializer('utf8');
    const parseDouble = deserializer.endDouble.bind(deserializer);
    deserializer.endDouble = (data: string) => {
      const special = PYTHON_SPECIAL_DOUBLES[data.trim().toLowerCase()];
      if (special === undefined) return parseDouble(data);
      deserializer.push(special);
      deserializer.value = false;
    };
    deserializer.endDateTime = (data: string) => {
      deserializer.push(decodeXmlRpcDateTime(data));
      deserializer.value = false;
    };
    let settled = false;
    deserializer.deserializeMethodResponse(Readable.from([body], { objectMode: false }), (error, value) => {
      // The SAX parser may report more than once on a broken body; the first answer wins.
      if (settled) return;
      settled = true;
      if (error === null || error === undefined) {
        resolve({ ok: true, value });
      } else if (isFault(error)) {
        resolve({ ok: false, fault: { faultCode: error.faultCode, faultString: String(error.faultString ?? '') } });
      } else {
        reject(new Error(error instanceof Error ? error.message : String(error)));
      }
    });
  });
}

function isFault(error: unknown): error is { faultCode: number | string; faultString?: unknown } {
  if (typeof error !== 'object' || error === null || !('faultCode' in error)) return false;
  const code = (error as { faultCode: unknown }).faultCode;
  return typeof code === 'number' || typeof code === 'string';
}

/** Deep copy fit for the serializer: no undefined members, bigints as numbers. */
function toWire(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value !== 'object' || value === null || value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) out[key] = toWire(member);
  }
  return out;
}
