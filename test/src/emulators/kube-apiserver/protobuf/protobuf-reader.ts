/** A minimal protobuf wire-format reader: enough to walk the fields of Kubernetes' generated messages. */

/** One raw field of a message. */
export interface WireField {
  readonly number: number;
  /** 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32. */
  readonly wireType: number;
  /** The varint value (as bigint) for wire type 0. */
  readonly varint?: bigint;
  /** The bytes of a length-delimited field, or the raw 4/8 bytes of fixed fields. */
  readonly bytes?: Uint8Array;
}

function readVarint(buf: Uint8Array, pos: { i: number }): bigint {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos.i >= buf.length) throw new Error('truncated varint');
    const b = buf[pos.i++];
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return result;
    shift += 7n;
  }
}

/** Splits a message into its fields, in wire order. Throws on malformed input. */
export function readFields(buf: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  const pos = { i: 0 };
  while (pos.i < buf.length) {
    const key = Number(readVarint(buf, pos));
    const number = key >>> 3;
    const wireType = key & 7;
    if (wireType === 0) fields.push({ number, wireType, varint: readVarint(buf, pos) });
    else if (wireType === 2) {
      const len = Number(readVarint(buf, pos));
      if (pos.i + len > buf.length) throw new Error('truncated length-delimited field');
      fields.push({ number, wireType, bytes: buf.subarray(pos.i, pos.i + len) });
      pos.i += len;
    } else if (wireType === 1 || wireType === 5) {
      const len = wireType === 1 ? 8 : 4;
      fields.push({ number, wireType, bytes: buf.subarray(pos.i, pos.i + len) });
      pos.i += len;
    } else throw new Error(`unsupported wire type ${wireType}`);
  }
  return fields;
}

/** A varint as a signed 64-bit JavaScript number (two's complement for negatives). */
export function varintToNumber(v: bigint): number {
  return Number(BigInt.asIntN(64, v));
}
