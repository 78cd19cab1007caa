/** Go's encoding/pem Decode and Encode over byte strings. */
import { base64Decode, base64Encode } from './go-base.js';

/** A PEM block: type, headers and raw bytes (byte string). */
export interface PemBlock {
  readonly type: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly bytes: string;
}

const START = '\n-----BEGIN ';
const END = '\n-----END ';
const EOL = '-----';

function getLine(data: string): [string, string] {
  let i = data.indexOf('\n');
  let j: number;
  if (i < 0) {
    i = data.length;
    j = i;
  } else {
    j = i + 1;
    if (i > 0 && data[i - 1] === '\r') i--;
  }
  return [data.slice(0, i).replace(/[ \t]+$/, ''), data.slice(j)];
}

/** pem.Decode: the first valid block and the rest, or [undefined, data]. */
export function pemDecode(data: string): [PemBlock | undefined, string] {
  let rest = data;
  for (;;) {
    if (rest.startsWith(START.slice(1))) rest = rest.slice(START.length - 1);
    else {
      const at = rest.indexOf(START);
      if (at < 0) return [undefined, data];
      rest = rest.slice(at + START.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith(EOL)) continue;
    typeLine = typeLine.slice(0, -EOL.length);
    const headers = new Map<string, string>();
    let truncated = false;
    for (;;) {
      if (rest.length === 0) {
        truncated = true;
        break;
      }
      const [line, next] = getLine(rest);
      const colon = line.indexOf(':');
      if (colon < 0) break;
      headers.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      rest = next;
    }
    if (truncated) return [undefined, data];
    let endIndex: number;
    let endTrailerIndex: number;
    if (headers.size === 0 && rest.startsWith(END.slice(1))) {
      endIndex = 0;
      endTrailerIndex = END.length - 1;
    } else {
      endIndex = rest.indexOf(END);
      endTrailerIndex = endIndex + END.length;
    }
    if (endIndex < 0) continue;
    let endTrailer = rest.slice(endTrailerIndex);
    const trailerLen = typeLine.length + EOL.length;
    if (endTrailer.length < trailerLen) continue;
    const restOfEndLine = endTrailer.slice(trailerLen);
    endTrailer = endTrailer.slice(0, trailerLen);
    if (!endTrailer.startsWith(typeLine) || !endTrailer.endsWith(EOL)) continue;
    if (getLine(restOfEndLine)[0].length !== 0) continue;
    const decoded = base64Decode(rest.slice(0, endIndex).replace(/[ \t]/g, ''));
    if (!decoded.ok) continue;
    const after = getLine(rest.slice(endIndex + END.length - 1))[1];
    return [{ type: typeLine, headers, bytes: decoded.bytes }, after];
  }
}

/** pem.Decode repeatedly: every block and whatever could not be decoded at the end. */
export function pemDecodeAll(data: string): [PemBlock[], string] {
  const blocks: PemBlock[] = [];
  let rest = data;
  for (;;) {
    const [block, next] = pemDecode(rest);
    if (!block) return [blocks, next];
    blocks.push(block);
    rest = next;
  }
}

/** pem.Encode */
export function pemEncode(block: PemBlock): string {
  let out = `-----BEGIN ${block.type}-----\n`;
  if (block.headers.size > 0) {
    const keys = [...block.headers.keys()].filter((k) => k !== 'Proc-Type').sort();
    if (block.headers.has('Proc-Type')) out += `Proc-Type: ${block.headers.get('Proc-Type')}\n`;
    for (const k of keys) out += `${k}: ${block.headers.get(k)}\n`;
    out += '\n';
  }
  const b64 = base64Encode(block.bytes);
  for (let i = 0; i < b64.length; i += 64) out += b64.slice(i, i + 64) + '\n';
  return out + `-----END ${block.type}-----\n`;
}

/** A headerless block. */
export function pemBlock(type: string, bytes: string): PemBlock {
  return { type, headers: new Map(), bytes };
}
