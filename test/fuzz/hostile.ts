import {
  kindOfPathParam,
  resolve,
  sample,
  type JsonSchema,
  type FieldSite,
  type OpenApiDocument,
  type Operation,
  type RecordKind,
} from './openapi.js';
import type { Random } from './random.js';

/**
 * Hostile requests: each starts from a valid-looking request for an operation (real ids in the path,
 * a body drawn from the schema) and breaks one part of it.
 */

export interface FuzzRequest {
  method: string;
  /** The request target as it goes on the wire: path and query, already encoded. */
  target: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
  /** Send the body in pieces, without a content-length. */
  chunked?: boolean;
  /** A whole request written as is on a fresh socket, for what an HTTP client refuses to send. */
  raw?: Buffer;
  /** What the request is, short enough to print. */
  description: string;
}

export interface Caller {
  name: string;
  /** Cookie and CSRF headers; none for an anonymous caller. */
  headers: Record<string, string>;
}

export interface IdPool {
  /** Real ids (and slugs, for organisations, projects and themes) of each kind of record. */
  ids: Partial<Record<RecordKind, string[]>>;
  geonamesIds: number[];
}

const MiB = 1024 * 1024;

/** Strings that have broken parsers, databases and renderers before. */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'a\udc00b\ud800',
  '\u202eevil\u202c',
  '\u200f\u200e\u200b\u2060',
  'e' + '\u0301'.repeat(500),
  'Z̷̧̛̖̝͓̜̓ͦ̌a̶̡̧l͂g̵o̸',
  '👩‍👩‍👧‍👦🏳️‍🌈🇭🇷',
  '\ufeffBOM',
  '\uffff\ufffe',
  '\u2028\u2029',
  '\r\n\t\u000b\u000c',
  '\u001b[31mred',
  '%00',
  '%',
  '../../../../etc/passwd',
  '..',
  "' or 1=1 --",
  '"; drop table users; --',
  '\\',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  'NaN',
  'Infinity',
  '-0',
  'null',
  'undefined',
  'true',
  '0x1F',
  '1e400',
  '99999999999999999999',
  '٣٤٥',
  '１２３',
  '__proto__',
  'constructor',
  'x'.repeat(20_000),
  'ж'.repeat(30_000),
];

/** Numbers past every range: int32, int64, double, and the ones JSON cannot say. */
export const hostileNumberTexts: readonly string[] = [
  '0',
  '-1',
  '-0',
  '1.5',
  '0.0000001',
  '2147483647',
  '2147483648',
  '-2147483649',
  '4294967296',
  '9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775809',
  '99999999999999999999',
  '1e20',
  '1e308',
  '1e400',
  '-1e400',
  '1e-400',
];

/** Path ids of every shape: too big, negative, fractional, traversal, broken and odd percent-encoding. */
export const hostilePathIds: readonly string[] = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '2147483648',
  '4294967297',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775809',
  '99999999999999999999',
  '1' + '0'.repeat(99),
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '..',
  '.',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%2F',
  '%00',
  'a%00b',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%FF%FE',
  '%F0%9F%98%80',
  '%E2%80%AE',
  '%20',
  '~',
  "'",
  '__proto__',
  'constructor',
  '0190A0A0-0000-7000-8000-000000000000',
  '{0190a0a0-0000-7000-8000-000000000000}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(2_000),
  '%41'.repeat(3_000),
];

const malformedJson: readonly (string | Buffer)[] = [
  '{',
  '{"a":',
  '[1,2',
  '{"a":1,}',
  "{'a':1}",
  '{a:1}',
  'nul',
  'tru',
  '{"a":01}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":"\\u12"}',
  '{"a":"\\x41"}',
  '{"a":"unterminated}',
  '"\\ud800"',
  '\ufeff{}',
  '{}{}',
  '{"a":1} trailing',
  '\u0000',
  '',
  ' ',
  Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"a":1,"a":2}',
];

const topLevelValues: readonly string[] = [
  '[]',
  '[{}]',
  'null',
  'true',
  '0',
  '-1',
  '"a string"',
  '1e400',
  '99999999999999999999',
];

const contentTypes: readonly (string | undefined)[] = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json;;;',
  'application/json, text/plain',
  'application/vnd.api+json',
  'application/problem+json',
  '*/*',
  'json',
  '',
  'application/json; boundary=' + 'x'.repeat(3_000),
];

/** Requests an HTTP client would refuse to write, sent as bytes. */
const rawRequests: readonly ((path: string) => string)[] = [
  (path) => `GET ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\nConnection: close\r\n\r\n`,
  (path) => `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\nConnection: close\r\n\r\n`,
  (path) =>
    `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}`,
  (path) =>
    `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
  (path) =>
    `POST ${path} HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\nConnection: close\r\n\r\n0\r\n\r\n`,
  (path) => `GET ${path} HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n`,
  (path) => `GET ${path} HTTP/1.1\r\nHost: localhost\r\n: empty\r\nConnection: close\r\n\r\n`,
  (path) => `GET ${path} HTTP/1.1\r\nHost: localhost\r\nX-Folded: a\r\n b\r\nConnection: close\r\n\r\n`,
  (path) => `GET ${path} HTTP/1.1\nHost: localhost\nConnection: close\n\n`,
  (path) => `G\u0000T ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
  (path) => `BREW ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
  (path) => `GET ${path} HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
  (path) => `GET ${path}\r\n\r\n`,
  (path) => `GET ${path} HTTP/1.1\r\nConnection: close\r\n\r\n`,
  (path) => `GET http://localhost${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
  () => `OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
  (path) => `GET ${path}/ü/\u202e HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
  (path) => `GET ${path} HTTP/1.1\r\nHost: localhost\r\nX-Bin: \u0001\u007f\r\nConnection: close\r\n\r\n`,
  () => 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
];

/** JSON text with `rawNumber` markers replaced by the number text itself (JSON.stringify cannot say 1e400). */
const rawMarker = '\u0001raw:';
export function rawNumber(text: string): string {
  return `${rawMarker}${text}\u0001`;
}
function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001raw:([^"\\]*)\\u0001"/g, '$1');
}

type Container = Record<string | number, unknown>;

/** The object or array at `path` (an earlier mutation may have replaced it with something else). */
function containerAt(root: unknown, path: (string | number)[]): Container | undefined {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Container)[segment];
  }
  return typeof node === 'object' && node !== null ? (node as Container) : undefined;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = containerAt(root, path.slice(0, -1));
  if (parent) parent[path[path.length - 1]!] = value;
  return root;
}

function removeAt(root: unknown, path: (string | number)[]): void {
  if (path.length === 0) return;
  const parent = containerAt(root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (parent) delete parent[last];
}

const describePath = (path: (string | number)[]) => (path.length === 0 ? 'body' : `body.${path.join('.')}`);

function deepNesting(random: Random): { text: string; label: string } {
  const depth = random.pick([1_000, 5_000, 20_000, 100_000]);
  return random.chance(0.5)
    ? { text: '['.repeat(depth) + ']'.repeat(depth), label: `${depth} nested arrays` }
    : { text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), label: `${depth} nested objects` };
}

/** A value of another JSON type than the field's. */
function wrongTypeFor(type: string, random: Random): unknown {
  const options: Record<string, unknown[]> = {
    string: [1, -1, 1.5, true, null, [], {}, ['a'], { a: 'b' }],
    integer: ['1', 'one', 1.5, true, null, [], {}, [1], ''],
    number: ['1.5', 'NaN', true, null, [], {}],
    boolean: ['true', 1, 0, null, [], {}, 'yes'],
    array: ['a', 1, true, null, {}, { 0: 'a' }],
    object: ['a', 1, true, null, [], [{}]],
    null: ['null', 0, false, [], {}],
  };
  return random.pick(options[type] ?? ['a', 1, null, [], {}]);
}

export interface GeneratorContext {
  random: Random;
  document: OpenApiDocument;
  pool: IdPool;
  operation: Operation;
  caller: Caller;
}

interface Draft {
  pathValues: Record<string, string>;
  query: [string, string][];
  body: unknown;
  bodyText?: string | Buffer;
  sites: FieldSite[];
  headers: Record<string, string | string[]>;
  contentType: string | undefined;
  chunked: boolean;
  raw?: Buffer;
  notes: string[];
}

function idFor(context: GeneratorContext, kind: RecordKind): string | undefined {
  const ids = context.pool.ids[kind];
  return ids && ids.length > 0 ? context.random.pick(ids) : undefined;
}

function realPathValue(context: GeneratorContext, name: string): string {
  const { operation, random, pool } = context;
  if (name === 'geonamesId') return String(random.pick(pool.geonamesIds));
  const id = idFor(context, kindOfPathParam(operation.path, name));
  return encodeURIComponent(id ?? '0190a0a0-0000-7000-8000-000000000000');
}

function encodeQueryValue(value: unknown): string {
  return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Percent-encodes a string, turning lone surrogates (which encodeURIComponent refuses) into CESU bytes. */
function encodeLoosely(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return Array.from(value, (char) => {
      const code = char.codePointAt(0)!;
      if (code >= 0xd800 && code <= 0xdfff)
        return Buffer.from([0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)])
          .toString('hex')
          .replace(/(..)/g, '%$1')
          .toUpperCase();
      return encodeURIComponent(char);
    }).join('');
  }
}

function baseline(context: GeneratorContext): Draft {
  const { operation, random, document } = context;
  const sampleContext = {
    random,
    document,
    idOf: (kind: RecordKind) => idFor(context, kind),
  };
  const pathValues: Record<string, string> = {};
  for (const parameter of operation.pathParams)
    pathValues[parameter.name] = realPathValue(context, parameter.name);
  const query: [string, string][] = [];
  for (const parameter of operation.query) {
    if (!parameter.required && !random.chance(0.3)) continue;
    const value = sample(parameter.schema, sampleContext, [], [parameter.name]);
    query.push([parameter.name, encodeQueryValue(value)]);
  }
  const sites: FieldSite[] = [];
  const body = operation.body ? sample(operation.body, sampleContext, sites) : undefined;
  return {
    pathValues,
    query,
    body,
    sites,
    headers: { ...context.caller.headers },
    contentType: body === undefined ? undefined : 'application/json',
    chunked: false,
    notes: [],
  };
}

type Mutation = (draft: Draft, context: GeneratorContext) => void;

const pickSite = (draft: Draft, random: Random, types?: string[]) => {
  const sites = draft.sites.filter((site) => !types || types.includes(site.type));
  return sites.length > 0 ? random.pick(sites) : undefined;
};

/** Makes sure there is an object body to break (operations without one get `{}`). */
function ensureObjectBody(draft: Draft): void {
  if (draft.body === undefined || typeof draft.body !== 'object' || draft.body === null) {
    draft.body = {};
    draft.sites = [{ path: [], type: 'object' }];
  }
  draft.contentType ??= 'application/json';
}

const mutations: Record<string, Mutation> = {
  valid(draft) {
    draft.notes.push('as drawn from the schema');
  },

  pathId(draft, context) {
    const { operation, random } = context;
    const parameter = operation.pathParams.length > 0 ? random.pick(operation.pathParams) : undefined;
    if (!parameter) return mutations.query!(draft, context);
    const value = random.pick(hostilePathIds);
    draft.pathValues[parameter.name] = value;
    draft.notes.push(
      `path ${parameter.name}=${value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value}`,
    );
  },

  query(draft, { operation, random }) {
    const names = [...operation.query.map((parameter) => parameter.name), 'page', 'pageSize', 'unknownParam'];
    const name = random.pick(names);
    const kind = random.weighted([
      [4, 'number'],
      [4, 'string'],
      [1, 'repeat'],
      [1, 'bracket'],
      [1, 'bare'],
      [1, 'junk'],
    ] as const);
    draft.query = draft.query.filter(([key]) => key !== name);
    let shown: string;
    switch (kind) {
      case 'number': {
        const text = random.pick(hostileNumberTexts);
        draft.query.push([name, encodeURIComponent(text)]);
        shown = text;
        break;
      }
      case 'string': {
        const text = random.pick(hostileStrings);
        draft.query.push([name, encodeLoosely(text)]);
        shown = JSON.stringify(text.length > 30 ? `${text.slice(0, 20)}…(${text.length})` : text);
        break;
      }
      case 'repeat':
        draft.query.push([name, '1'], [name, '2'], [name, 'x']);
        shown = 'repeated';
        break;
      case 'bracket':
        draft.query.push([`${name}[]`, '1'], [`${name}[a]`, '2']);
        shown = 'bracketed';
        break;
      case 'bare':
        draft.query.push([name, '']);
        shown = 'empty';
        break;
      default: {
        const junk = random.pick(['%', '%zz', '%00', '&&&', '==', '%ED%A0%80', '%FF', '+%2B+', '#frag']);
        draft.query.push([name, junk]);
        shown = junk;
      }
    }
    draft.notes.push(`query ${name} ${shown}`);
  },

  hugeQuery(draft, { random }) {
    const size = random.pick([9_000, 20_000, 100_000, 400_000]);
    draft.query.push(['q', 'x'.repeat(size)]);
    draft.notes.push(`query string of ${size} bytes`);
  },

  malformedJson(draft, { random }) {
    const text = random.pick(malformedJson);
    draft.bodyText = text;
    draft.contentType = 'application/json';
    draft.notes.push(`malformed JSON ${JSON.stringify(String(text).slice(0, 40))}`);
  },

  topLevel(draft, { random }) {
    const text = random.pick(topLevelValues);
    draft.bodyText = text;
    draft.contentType = 'application/json';
    draft.notes.push(`body is ${text}`);
  },

  contentType(draft, { random }) {
    ensureObjectBody(draft);
    const type = random.pick(contentTypes);
    draft.contentType = type;
    if (type?.includes('utf-16')) draft.bodyText = Buffer.from(toJson(draft.body), 'utf16le');
    else if (type === 'application/x-www-form-urlencoded') draft.bodyText = 'a=1&b=%ZZ&__proto__[x]=1';
    else if (type?.startsWith('multipart'))
      draft.bodyText = '--fuzz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--fuzz--\r\n';
    draft.notes.push(`content-type ${JSON.stringify(type ?? null)?.slice(0, 50)}`);
  },

  wrongType(draft, { random }) {
    ensureObjectBody(draft);
    const site = pickSite(draft, random)!;
    const value = wrongTypeFor(site.type, random);
    draft.body = setAt(draft.body, site.path, value);
    draft.notes.push(`${describePath(site.path)} (${site.type}) = ${JSON.stringify(value)}`);
  },

  hostileString(draft, { random }) {
    ensureObjectBody(draft);
    const site = pickSite(draft, random, ['string']) ?? pickSite(draft, random, ['object'])!;
    const text = random.pick(hostileStrings);
    const path = site.type === 'object' ? [...site.path, random.pick(['name', 'notes', 'en'])] : site.path;
    draft.body = setAt(draft.body, path, text);
    draft.notes.push(
      `${describePath(path)} = ${JSON.stringify(text.length > 30 ? `${text.slice(0, 20)}…(${text.length})` : text)}`,
    );
  },

  hostileNumber(draft, { random }) {
    ensureObjectBody(draft);
    const site =
      pickSite(draft, random, ['integer', 'number']) ?? pickSite(draft, random, ['string', 'object'])!;
    const path = site.type === 'object' ? [...site.path, 'version'] : site.path;
    const text = random.pick(hostileNumberTexts);
    draft.body = setAt(draft.body, path, rawNumber(text));
    draft.notes.push(`${describePath(path)} = ${text}`);
  },

  unknownField(draft, { random }) {
    ensureObjectBody(draft);
    const site = pickSite(draft, random, ['object'])!;
    const name = random.pick([
      'unknown',
      '__proto__',
      'constructor',
      'id',
      'createdAt',
      'admin',
      '',
      '\u0000',
    ]);
    draft.body = setAt(draft.body, [...site.path, name], random.pick([1, 'x', null, { admin: true }]));
    draft.notes.push(`unknown field ${JSON.stringify(name)} at ${describePath(site.path)}`);
  },

  missingRequired(draft, { random }) {
    ensureObjectBody(draft);
    const site = pickSite(draft, random, ['string', 'integer', 'number', 'boolean', 'array', 'object']);
    if (!site || site.path.length === 0) {
      draft.body = {};
      draft.notes.push('empty object body');
      return;
    }
    removeAt(draft.body, site.path);
    draft.notes.push(`without ${describePath(site.path)}`);
  },

  nullField(draft, { random }) {
    ensureObjectBody(draft);
    const site = pickSite(draft, random)!;
    draft.body = setAt(draft.body, site.path, null);
    draft.notes.push(`${describePath(site.path)} = null`);
  },

  hugeString(draft, { random }) {
    ensureObjectBody(draft);
    const site = pickSite(draft, random, ['string']) ?? pickSite(draft, random, ['object'])!;
    const path = site.type === 'object' ? [...site.path, 'notes'] : site.path;
    const size = random.pick([MiB + 10, 2 * MiB, 5 * MiB]);
    const text = random.chance(0.5) ? 'x'.repeat(size) : 'ж'.repeat(Math.ceil(size / 2));
    draft.body = setAt(draft.body, path, text);
    draft.chunked = random.chance(0.5);
    draft.notes.push(
      `${describePath(path)} string over 1 MiB (${size} bytes${draft.chunked ? ', chunked' : ''})`,
    );
  },

  bigStringUnderLimit(draft, { random }) {
    ensureObjectBody(draft);
    const site = pickSite(draft, random, ['string']) ?? pickSite(draft, random, ['object'])!;
    const path = site.type === 'object' ? [...site.path, 'notes'] : site.path;
    const size = random.pick([100_000, 500_000, 1_000_000]);
    draft.body = setAt(
      draft.body,
      path,
      random.chance(0.5) ? 'y'.repeat(size) : '\ud83d\ude00'.repeat(size / 4),
    );
    draft.notes.push(`${describePath(path)} string of ${size} bytes`);
  },

  hugeArray(draft, { random }) {
    ensureObjectBody(draft);
    const site = pickSite(draft, random, ['array']) ?? pickSite(draft, random)!;
    const count = random.pick([10_000, 100_000, 400_000]);
    const item = random.pick<unknown>([1, 'a', null, {}, []]);
    draft.body = setAt(draft.body, site.path, new Array<unknown>(count).fill(item));
    draft.notes.push(`${describePath(site.path)} array of ${count} × ${JSON.stringify(item)}`);
  },

  deepNesting(draft, { random }) {
    ensureObjectBody(draft);
    const { text, label } = deepNesting(random);
    const site = pickSite(draft, random)!;
    const marker = '"\\u0001nest\\u0001"';
    draft.body = setAt(draft.body, site.path, '\u0001nest\u0001');
    const json = toJson(draft.body);
    draft.bodyText = json.includes(marker) ? json.replace(marker, text) : text;
    draft.notes.push(`${describePath(site.path)} = ${label}`);
  },

  manyKeys(draft, { random }) {
    ensureObjectBody(draft);
    const count = random.pick([1_000, 50_000]);
    const site = pickSite(draft, random, ['object'])!;
    const object: Record<string, number> = {};
    for (let index = 0; index < count; index += 1) object[`k${index}`] = index;
    draft.body = setAt(draft.body, site.path, object);
    draft.notes.push(`${describePath(site.path)} object of ${count} keys`);
  },

  headers(draft, { random, caller }) {
    const kind = random.pick([
      'hugeHeader',
      'manyHeaders',
      'cookieJunk',
      'hugeCookie',
      'wrongCsrf',
      'noCsrf',
      'hugeCsrf',
      'accept',
      'acceptLanguage',
      'origin',
      'contentLength',
    ]);
    switch (kind) {
      case 'hugeHeader': {
        const size = random.pick([8_000, 17_000, 70_000]);
        draft.headers['x-fuzz'] = 'h'.repeat(size);
        draft.notes.push(`header of ${size} bytes`);
        break;
      }
      case 'manyHeaders': {
        const count = random.pick([100, 1_000, 3_000]);
        for (let index = 0; index < count; index += 1) draft.headers[`x-fuzz-${index}`] = 'v'.repeat(20);
        draft.notes.push(`${count} headers`);
        break;
      }
      case 'cookieJunk':
        draft.headers.cookie = random.pick([
          'pobratim_session=%%%; =;;',
          'pobratim_session=' + 'a'.repeat(500),
          'pobratim_session=\u00ff\u00fe',
          'pobratim_session=a; pobratim_session=b',
          '=====',
        ]);
        draft.notes.push(`cookie ${JSON.stringify(draft.headers.cookie).slice(0, 40)}`);
        break;
      case 'hugeCookie':
        draft.headers.cookie = `${caller.headers.cookie ?? 'a=b'}; junk=${'c'.repeat(random.pick([4_000, 30_000]))}`;
        draft.notes.push('huge cookie');
        break;
      case 'wrongCsrf':
        draft.headers['x-csrf-token'] = random.pick(['wrong', '', '\u00ff', 'x'.repeat(200)]);
        draft.notes.push('wrong CSRF token');
        break;
      case 'noCsrf':
        delete draft.headers['x-csrf-token'];
        draft.notes.push('no CSRF token');
        break;
      case 'hugeCsrf':
        draft.headers['x-csrf-token'] = 't'.repeat(10_000);
        draft.notes.push('CSRF token of 10,000 bytes');
        break;
      case 'accept':
        draft.headers.accept = random.pick([
          'application/xml',
          'text/html',
          '*/*;q=abc',
          '',
          'application/json;q=0',
        ]);
        draft.notes.push(`accept ${draft.headers.accept}`);
        break;
      case 'acceptLanguage':
        draft.headers['accept-language'] = random.pick([
          'xx-YY;q=2',
          '*',
          ';;;;',
          'a'.repeat(500),
          'sr-Cyrl-RS,sr;q=0.9',
        ]);
        draft.notes.push('odd accept-language');
        break;
      case 'origin':
        draft.headers.origin = random.pick(['null', 'https://evil.example', 'http://localhost:1']);
        draft.notes.push(`origin ${draft.headers.origin}`);
        break;
      default:
        draft.headers['x-original-content-length'] = '-1';
        draft.headers['x-forwarded-for'] = '999.999.999.999, ::ffff:junk';
        draft.headers['x-request-id'] = '\u00ff'.repeat(50);
        draft.notes.push('odd proxy headers');
    }
  },

  raw(draft, context) {
    const template = context.random.pick(rawRequests);
    const path = fillPath(context.operation.path, draft.pathValues);
    draft.raw = Buffer.from(template(path), 'latin1');
    draft.notes.push(`raw ${JSON.stringify(template(path).slice(0, 60))}`);
  },
};

const allWeights: readonly (readonly [number, string])[] = [
  [5, 'valid'],
  [14, 'pathId'],
  [12, 'query'],
  [2, 'hugeQuery'],
  [8, 'malformedJson'],
  [3, 'topLevel'],
  [6, 'contentType'],
  [12, 'wrongType'],
  [10, 'hostileString'],
  [8, 'hostileNumber'],
  [4, 'unknownField'],
  [3, 'missingRequired'],
  [2, 'nullField'],
  [1.5, 'hugeString'],
  [1.5, 'bigStringUnderLimit'],
  [2, 'hugeArray'],
  [2.5, 'deepNesting'],
  [1, 'manyKeys'],
  [5, 'headers'],
  [2, 'raw'],
];

/** FUZZ_MUTATIONS=query,raw limits the fuzzer to those kinds of mutation, to chase one finding. */
const chosen = process.env.FUZZ_MUTATIONS?.split(',');
const weights = chosen ? allWeights.filter(([, name]) => chosen.includes(name)) : allWeights;

function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => values[name] ?? 'x');
}

/** One hostile request for an operation, as a caller. */
export function hostileRequest(context: GeneratorContext): FuzzRequest {
  const draft = baseline(context);
  const { random } = context;
  const first = random.weighted(weights);
  mutations[first]!(draft, context);
  if (first !== 'valid' && first !== 'raw' && !chosen && random.chance(0.2)) {
    const second = random.weighted(weights.filter(([, name]) => !['valid', 'raw'].includes(name)));
    mutations[second]!(draft, context);
  }
  return finish(draft, context);
}

const short = (value: string) => (value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value);

/**
 * The systematic part, tried every run rather than by chance: every hostile path id in every path
 * parameter, and every number past a range in every integer query parameter and body field (the cases
 * that once reached SQL and failed there).
 */
export function sweepRequests(context: GeneratorContext): FuzzRequest[] {
  const { operation, document } = context;
  const requests: FuzzRequest[] = [];
  const base = baseline(context);
  const variant = (note: string, change: (draft: Draft) => void) => {
    const draft: Draft = {
      ...base,
      pathValues: { ...base.pathValues },
      query: [...base.query],
      body: structuredClone(base.body),
      headers: { ...base.headers },
      notes: [`sweep: ${note}`],
    };
    change(draft);
    requests.push(finish(draft, context));
  };
  for (const parameter of operation.pathParams)
    for (const value of hostilePathIds)
      variant(
        `path ${parameter.name}=${short(value)}`,
        (draft) => (draft.pathValues[parameter.name] = value),
      );
  const numeric = (schema: JsonSchema) =>
    ['integer', 'number'].includes(String(resolve(schema, document).type));
  for (const parameter of operation.query.filter((item) => numeric(item.schema)))
    for (const text of hostileNumberTexts)
      variant(`query ${parameter.name}=${text}`, (draft) => {
        draft.query = [
          ...draft.query.filter(([key]) => key !== parameter.name),
          [parameter.name, encodeURIComponent(text)],
        ];
      });
  for (const site of base.sites.filter((item) => item.type === 'integer' || item.type === 'number'))
    for (const text of hostileNumberTexts)
      variant(`${describePath(site.path)}=${text}`, (draft) => {
        draft.body = setAt(draft.body, site.path, rawNumber(text));
      });
  return requests;
}

function finish(draft: Draft, { operation, caller }: GeneratorContext): FuzzRequest {
  const path = fillPath(operation.path, draft.pathValues);
  const query = draft.query.map(([key, value]) => `${key}=${value}`).join('&');
  const target = query ? `${path}?${query}` : path;
  const description = `${caller.name} ${operation.method} ${operation.path}: ${draft.notes.join('; ')}`;
  if (draft.raw) return { method: operation.method, target, headers: {}, raw: draft.raw, description };

  let body: Buffer | undefined;
  if (draft.bodyText !== undefined)
    body = Buffer.isBuffer(draft.bodyText) ? draft.bodyText : Buffer.from(draft.bodyText);
  else if (draft.body !== undefined) body = Buffer.from(toJson(draft.body));
  const headers = { ...draft.headers };
  if (draft.contentType !== undefined && body !== undefined) headers['content-type'] = draft.contentType;
  return {
    method: operation.method,
    target,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(draft.chunked ? { chunked: true } : {}),
    description,
  };
}
