import { describe, it, expect } from 'vitest';
import { OdooProtocolError } from '../../src/odoo/errors.ts';
import { decodeResponse } from '../../src/odoo/xmlrpc-codec.ts';
import { decodeResponseBody, decodeResponseStream, XmlRpcResponseDecoder } from '../../src/odoo/xmlrpc-decoder.ts';
import { methodResponse } from '../../src/simulator/xmlrpc-codec.ts';

/** Deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['a', 'Z', ' ', 'é', 'ß', '€', '中文', '😀', '𝄞', '&', '<', '>', '"', "'", ']]>', '\n', '\t', '\r\n', '\r', '0', 'café & crème'];
const DOUBLES = ['12.5', '-0.25', '1e-05', '1.7976931348623157e+308', '100.0', '-3.0', 'inf', '-inf', 'nan', ' 2.5 '];
const INTS = ['0', '7', '-1', '2147483647', '-2147483648', ' 42 '];

/** Raw XML for one random value, in the layouts and spellings servers use; never CR inside CDATA (see below). */
function randomValue(next: () => number, depth: number): string {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const nl = () => pick(['', '\n', '\r\n', '\n  ']);
  const text = (): string => {
    let out = '';
    const length = Math.floor(next() * 6);
    for (let i = 0; i < length; i += 1) out += pick(PIECES);
    return out;
  };
  const escaped = (raw: string): string => {
    switch (pick(['python', 'numeric', 'cdata'])) {
      case 'numeric':
        return [...raw].map((ch) => (/[&<>\r]/.test(ch) || ch.codePointAt(0)! > 0x7f ? `&#x${ch.codePointAt(0)!.toString(16).toUpperCase()};` : ch)).join('');
      case 'cdata':
        if (!raw.includes('\r')) return raw === '' ? '' : `<![CDATA[${raw.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
        return raw.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      default:
        return raw.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    }
  };
  const kinds = depth > 3 ? 11 : 13;
  switch (Math.floor(next() * kinds)) {
    case 0:
      return `<value><string>${escaped(text())}</string></value>`;
    case 1:
      return `<value>${escaped(text())}</value>`;
    case 2:
      return pick(['<value><string></string></value>', '<value><string/></value>', '<value></value>', '<value/>']);
    case 3: {
      const tag = pick(['int', 'i4']);
      return `<value><${tag}>${pick(INTS)}</${tag}></value>`;
    }
    case 4:
      return `<value><i8>${pick(['9007199254740993', '-9223372036854775808', '12'])}</i8></value>`;
    case 5:
      return `<value><double>${pick(DOUBLES)}</double></value>`;
    case 6:
      return `<value><boolean>${pick(['0', '1'])}</boolean></value>`;
    case 7:
      return pick(['<value><nil/></value>', '<value><nil></nil></value>']);
    case 8:
      return `<value><dateTime.iso8601>${pick(['20240501T10:00:00', '2024-05-01T10:00:00Z', '20240501T10:00:00+02:00'])}</dateTime.iso8601></value>`;
    case 9:
      return `<value><base64>${pick(['', 'aGk=', 'SGVsbG8s\nIHdvcmxk\n', '8J+YgA=='])}</base64></value>`;
    case 10:
      return `<value>${nl()}<string>${escaped(text())}</string>${nl()}</value>`;
    case 11: {
      let out = `<value><array>${nl()}<data>${nl()}`;
      const length = Math.floor(next() * 5);
      for (let i = 0; i < length; i += 1) out += randomValue(next, depth + 1) + nl();
      return `${out}</data>${nl()}</array></value>`;
    }
    default: {
      let out = `<value><struct>${nl()}`;
      const length = Math.floor(next() * 5);
      for (let i = 0; i < length; i += 1) {
        out += `<member>${nl()}<name>${escaped(pick(['id', 'name', 'x_é', 'a&b', '😀', '', `f${i}`]))}</name>${nl()}${randomValue(next, depth + 1)}${nl()}</member>${nl()}`;
      }
      return `${out}</struct></value>`;
    }
  }
}

function randomResponse(seed: number): string {
  const next = random(seed);
  const nl = next() < 0.3 ? '\r\n' : '\n';
  const decl = next() < 0.5 ? `<?xml version='1.0'?>${nl}` : '';
  return `${decl}<methodResponse>${nl}<params>${nl}<param>${nl}${randomValue(next, 0)}${nl}</param>${nl}</params>${nl}</methodResponse>${nl}`;
}

/** Feeds the body in pieces cut at random byte offsets (through multi-byte characters too). */
function decodeInRandomChunks(body: Buffer, seed: number): unknown {
  const next = random(seed);
  const decoder = new XmlRpcResponseDecoder();
  let at = 0;
  while (at < body.length) {
    const size = 1 + Math.floor(next() * 40);
    decoder.write(body.subarray(at, at + size));
    at += size;
  }
  return decoder.end();
}

function protocolError(body: string): OdooProtocolError {
  try {
    decodeResponseBody(body);
  } catch (error) {
    expect(error).toBeInstanceOf(OdooProtocolError);
    return error as OdooProtocolError;
  }
  throw new Error('expected the body to be refused');
}

const response = (value: string) => `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value>${value}</value>\n</param>\n</params>\n</methodResponse>\n`;

describe('XmlRpcResponseDecoder against the xmlrpc package', () => {
  it('decodes 400 random payloads exactly like the package, whole and in random chunks', async () => {
    for (let seed = 1; seed <= 400; seed += 1) {
      const body = Buffer.from(randomResponse(seed), 'utf8');
      const reference = await decodeResponse(body);
      expect({ seed, decoded: decodeResponseBody(body) }).toStrictEqual({ seed, decoded: reference });
      expect({ seed, decoded: decodeInRandomChunks(body, seed) }).toStrictEqual({ seed, decoded: reference });
    }
  });

  it('decodes what the simulator marshals like Python, as the package does', async () => {
    const records = Array.from({ length: 50 }, (_, i) => ({
      id: i + 1,
      order_id: [i, `Shop/${i} <A&B>`],
      qty: i / 4,
      price: 2 ** 31 + i,
      tax_ids: i % 2 === 0 ? [] : [1, 2],
      note: i % 3 === 0 ? false : `line\r\n${i} 😀`,
      empty: {},
    }));
    const body = Buffer.from(methodResponse(records), 'utf8');
    const decoded = decodeResponseBody(body);
    expect(decoded).toStrictEqual(await decodeResponse(body));
    expect(decoded.ok && (decoded.value as Record<string, unknown>[])[1]).toStrictEqual({
      id: 2,
      order_id: [1, 'Shop/1 <A&B>'],
      qty: 0.25,
      price: 2147483649,
      tax_ids: [1, 2],
      note: 'line\r\n1 😀',
      empty: {},
    });
  });

  it('gives the same answer fed one byte at a time, CRLF layout and CRs in data included', () => {
    const xml = `<?xml version='1.0'?>\r\n<methodResponse>\r\n<params>\r\n<param>\r\n<value><struct>\r\n<member>\r\n<name>n\r\nb</name>\r\n<value><string>a\r\nb\rc &amp; &#x1F600; 😀 é</string></value>\r\n</member>\r\n<member><name>c</name><value><![CDATA[x<y]]></value></member>\r\n<member><name>i</name><value><int>-12</int></value></member>\r\n</struct></value>\r\n</param>\r\n</params>\r\n</methodResponse>\r\n`;
    const bytes = Buffer.from(xml, 'utf8');
    const decoder = new XmlRpcResponseDecoder();
    for (let i = 0; i < bytes.length; i += 1) decoder.write(bytes.subarray(i, i + 1));
    const expected = { ok: true, value: { 'n\r\nb': 'a\r\nb\rc & 😀 😀 é', c: 'x<y', i: -12 } };
    expect(decoder.end()).toStrictEqual(expected);
    expect(decodeResponseBody(bytes)).toStrictEqual(expected);
  });
});

describe('XmlRpcResponseDecoder values', () => {
  it('keeps i8 beyond 2^53 as its exact digits, and Python doubles inf/nan', () => {
    expect(decodeResponseBody(response('<i8>9007199254740993</i8>'))).toStrictEqual({ ok: true, value: '9007199254740993' });
    expect(decodeResponseBody(response('<array><data><value><double>inf</double></value><value><double>-inf</double></value><value><double>nan</double></value></data></array>'))).toStrictEqual({
      ok: true,
      value: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN],
    });
  });

  it("reads a dateTime without an offset (as Python sends them) as UTC, Odoo's zone, whatever this machine's zone", async () => {
    const cases: Array<[string, string]> = [
      ['20240501T10:00:00', '2024-05-01T10:00:00.000Z'],
      ['2024-05-01T23:30:00', '2024-05-01T23:30:00.000Z'],
      ['20240501', '2024-05-01T00:00:00.000Z'],
      ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00.000Z'],
    ];
    for (const [text, instant] of cases) {
      const body = response(`<dateTime.iso8601>${text}</dateTime.iso8601>`);
      for (const decoded of [decodeResponseBody(body), await decodeResponse(Buffer.from(body))]) {
        expect(decoded.ok && (decoded.value as Date).toISOString(), text).toBe(instant);
      }
    }
  });

  it('turns CR into LF inside CDATA only (XML rule; Python never sends CDATA)', () => {
    expect(decodeResponseBody(response('<string><![CDATA[a\r\nb]]></string>'))).toStrictEqual({ ok: true, value: 'a\nb' });
    expect(decodeResponseBody(response('<string>a\r\nb</string>'))).toStrictEqual({ ok: true, value: 'a\r\nb' });
  });

  it('makes a __proto__ member an own property', () => {
    const decoded = decodeResponseBody(response('<struct><member><name>__proto__</name><value><struct><member><name>polluted</name><value><int>1</int></value></member></struct></value></member></struct>'));
    const value = (decoded as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('returns faults with their code and text', () => {
    const fault = `<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n<value><int>2</int></value>\n</member>\n<member>\n<name>faultString</name>\n<value><string>Object x.y doesn't exist</string></value>\n</member>\n</struct></value>\n</fault>\n</methodResponse>\n`;
    expect(decodeResponseBody(fault)).toStrictEqual({ ok: false, fault: { faultCode: 2, faultString: "Object x.y doesn't exist" } });
    const textCode = fault.replace('<int>2</int>', '<string>warning</string>').replace(/<member>\n<name>faultString[\s\S]*?<\/member>\n/, '');
    expect(decodeResponseBody(textCode)).toStrictEqual({ ok: false, fault: { faultCode: 'warning', faultString: '' } });
  });
});

describe('XmlRpcResponseDecoder errors', () => {
  it.each([
    ['', 'the body is empty'],
    ['  \n', 'malformed XML: 2:0: document must contain a root element.'],
    ['{"jsonrpc": "2.0", "result": 1}', 'malformed XML: 1:31: text data outside of root node.'],
    ['<html><head><title>Odoo</title></head><body>Login</body></html>', 'expected <methodResponse> but the body starts with <html>'],
    ['<methodResponse><params><param><value><int>1</int></value></param>', 'malformed XML: 1:66: unclosed tag: params'],
    ['<methodResponse><params></param></params></methodResponse>', 'malformed XML: 1:32: unexpected close tag.'],
    ['<methodResponse><params><param><value><foo>1</foo></value></param></params></methodResponse>', 'unknown XML-RPC tag <foo>'],
    ['<methodResponse></methodResponse>', 'the methodResponse has neither params nor a fault'],
    ['<methodResponse><fault><value><struct></struct></value></fault></methodResponse>', 'the fault has no faultCode'],
    [response('<int>x1</int>'), "expected an integer but got 'x1'"],
    [response('<double>abc</double>'), "expected a double but got 'abc'"],
    [response('<boolean>true</boolean>'), "expected a boolean (0 or 1) but got 'true'"],
    [response('<i8>1.5</i8>'), "expected an integer (i8) but got '1.5'"],
    [response('<dateTime.iso8601>yesterday</dateTime.iso8601>'), "expected an ISO 8601 dateTime but got 'yesterday'"],
    [response('<string>&nbsp;</string>'), 'malformed XML: 5:21: undefined entity.'],
    [response('<struct><member><value><int>1</int></value></member></struct>'), 'a struct member has no <name>'],
  ])('refuses %j: %s', (body, message) => {
    expect(protocolError(body).message).toBe(message);
  });

  it('refuses a response with two params', () => {
    const body = '<methodResponse><params><param><value>a</value></param><param><value>b</value></param></params></methodResponse>';
    expect(protocolError(body).message).toBe('the methodResponse has more than one param');
  });
});

describe('decodeResponseStream', () => {
  it('decodes chunks as they arrive', async () => {
    async function* chunks() {
      yield Buffer.from("<?xml version='1.0'?>\n<methodResponse><params><param><value><array><data><value><string>caf\xC3", 'latin1');
      yield new Uint8Array([0xa9]);
      yield '</string></value><value><int>3</int></value></data></array></value></param></params></methodResponse>';
    }
    expect(await decodeResponseStream(chunks())).toStrictEqual({ ok: true, value: ['café', 3] });
  });

  it('stops reading at the first error', async () => {
    const pulled: number[] = [];
    let closed = false;
    async function* chunks() {
      try {
        for (let i = 0; i < 100; i += 1) {
          pulled.push(i);
          yield i === 0 ? '<html>' : '<p>x</p>';
        }
      } finally {
        closed = true;
      }
    }
    await expect(decodeResponseStream(chunks())).rejects.toThrow(new OdooProtocolError('expected <methodResponse> but the body starts with <html>'));
    expect(pulled).toEqual([0]);
    expect(closed).toBe(true);
  });
});
