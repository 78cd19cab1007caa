import { unsupportedMediaType } from '../api/api-error.js';
import { readFields, varintToNumber, type WireField } from './protobuf-reader.js';
import { SCHEMAS, type FieldKind, type Schema } from './protobuf-schemas.js';

/** The media type of Kubernetes protobuf bodies. */
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = [0x6b, 0x38, 0x73, 0x00];
const utf8 = new TextDecoder();

function mapEntry(bytes: Uint8Array, valueAsBytes: boolean): [string, string] {
  let key = '';
  let value = '';
  for (const f of readFields(bytes)) {
    if (f.number === 1 && f.bytes) key = utf8.decode(f.bytes);
    if (f.number === 2 && f.bytes)
      value = valueAsBytes ? Buffer.from(f.bytes).toString('base64') : utf8.decode(f.bytes);
  }
  return [key, value];
}

function timeOf(bytes: Uint8Array): string | null {
  let seconds = 0;
  for (const f of readFields(bytes))
    if (f.number === 1 && f.varint !== undefined) seconds = varintToNumber(f.varint);
  return seconds === 0 ? null : new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function intOrString(bytes: Uint8Array): number | string {
  let type = 0;
  let int = 0;
  let str = '';
  for (const f of readFields(bytes)) {
    if (f.number === 1 && f.varint !== undefined) type = varintToNumber(f.varint);
    if (f.number === 2 && f.varint !== undefined) int = varintToNumber(f.varint);
    if (f.number === 3 && f.bytes) str = utf8.decode(f.bytes);
  }
  return type === 1 ? str : int;
}

/** The JSON value of a scalar field; undefined when Go's JSON encoding would omit it. */
function scalar(kind: Exclude<FieldKind, Schema | 'map' | 'bytesMap' | 'quantity'>, f: WireField): unknown {
  switch (kind) {
    case 'string': {
      const s = f.bytes ? utf8.decode(f.bytes) : '';
      return s === '' ? undefined : s;
    }
    case 'bytes':
      return f.bytes ? Buffer.from(f.bytes).toString('base64') : '';
    case 'int':
    case 'optInt': {
      const n = f.varint !== undefined ? varintToNumber(f.varint) : 0;
      return n === 0 && kind === 'int' ? undefined : n;
    }
    case 'bool':
    case 'optBool': {
      const b = f.varint !== undefined && f.varint !== 0n;
      return !b && kind === 'bool' ? undefined : b;
    }
    case 'time':
      return f.bytes ? timeOf(f.bytes) : null;
    case 'intOrString':
      return f.bytes ? intOrString(f.bytes) : 0;
  }
}

function quantityEntry(bytes: Uint8Array): [string, string] {
  let key = '';
  let value = '';
  for (const f of readFields(bytes)) {
    if (f.number === 1 && f.bytes) key = utf8.decode(f.bytes);
    if (f.number === 2 && f.bytes)
      for (const q of readFields(f.bytes)) if (q.number === 1 && q.bytes) value = utf8.decode(q.bytes);
  }
  return [key, value];
}

/** Decodes one message into JSON using its schema; unknown field numbers are skipped. */
export function decodeMessage(bytes: Uint8Array, schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of readFields(bytes)) {
    const spec = schema[f.number];
    if (!spec) continue;
    const [name, kind, repeated] = spec;
    if (kind === 'map' || kind === 'bytesMap' || kind === 'quantity') {
      const [k, v] =
        kind === 'quantity'
          ? quantityEntry(f.bytes ?? new Uint8Array())
          : mapEntry(f.bytes ?? new Uint8Array(), kind === 'bytesMap');
      out[name] = { ...((out[name] as object) ?? {}), [k]: v };
      continue;
    }
    const value =
      typeof kind === 'object' ? decodeMessage(f.bytes ?? new Uint8Array(), kind) : scalar(kind, f);
    if (value === undefined && !repeated) continue;
    if (repeated) out[name] = [...((out[name] as unknown[]) ?? []), value];
    else out[name] = value;
  }
  return out;
}

/**
 * Decodes a Kubernetes protobuf request body (`k8s\0` + runtime.Unknown) into the JSON object it stands for. Kinds
 * outside the supported set get 415, naming the JSON alternative.
 */
export function decodeKubernetesProtobuf(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b))
    throw unsupportedMediaType(['application/json', 'application/yaml']);
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = new Uint8Array();
  for (const f of readFields(body.subarray(4))) {
    if (f.number === 1 && f.bytes) {
      for (const t of readFields(f.bytes)) {
        if (t.number === 1 && t.bytes) apiVersion = utf8.decode(t.bytes);
        if (t.number === 2 && t.bytes) kind = utf8.decode(t.bytes);
      }
    }
    if (f.number === 2 && f.bytes) raw = f.bytes;
  }
  const schema = SCHEMAS[`${apiVersion}/${kind}`];
  if (!schema) throw unsupportedMediaType(['application/json', 'application/yaml']);
  return { apiVersion, kind, ...decodeMessage(raw, schema) };
}
