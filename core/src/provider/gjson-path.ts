/**
 * gjson-compatible path look-ups (`github.com/tidwall/gjson` `Get`), the `property` syntax ESO's
 * JSON-based providers use: `a.b.c`, array indices (`items.1`), `\.` to escape a dot, `*` / `?`
 * wildcards in keys, `#` for an array's length and `list.#.name` to collect a field of every
 * element. Results keep raw JSON text (see {@link parseRawJson}). Queries (`#(...)`), modifiers
 * (`@reverse`) and pipes are not supported; such paths simply do not match.
 */
import { parseRawJson, rawNodeText, type RawNode } from './raw-json.js';

/** The outcome of a look-up. `text` follows gjson's `Result.String()`. */
export interface GjsonResult {
  readonly exists: boolean;
  readonly node?: RawNode;
  /** Strings unquoted, numbers/objects/arrays as raw JSON, `null` as ''; '' when missing. */
  readonly text: string;
}

const MISSING: GjsonResult = { exists: false, text: '' };

/** Looks `path` up in a JSON document (text or parsed). Invalid JSON matches nothing. */
export function gjsonGet(json: string | RawNode, path: string): GjsonResult {
  const root = typeof json === 'string' ? parseRawJson(json) : json;
  if (!root || path === '') return MISSING;
  const node = walk(root, splitPath(path));
  return node ? { exists: true, node, text: rawNodeText(node) } : MISSING;
}

/** Splits on unescaped dots; `\x` stands for a literal `x`. Wildcard characters keep a marker. */
function splitPath(path: string): { text: string; wildcard: boolean }[] {
  const parts: { text: string; wildcard: boolean }[] = [];
  let text = '';
  let wildcard = false;
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    if (char === '\\' && i + 1 < path.length) {
      text += path[++i];
    } else if (char === '.') {
      parts.push({ text, wildcard });
      text = '';
      wildcard = false;
    } else {
      if (char === '*' || char === '?') wildcard = true;
      text += char;
    }
  }
  parts.push({ text, wildcard });
  return parts;
}

function walk(node: RawNode, parts: { text: string; wildcard: boolean }[]): RawNode | undefined {
  if (parts.length === 0) return node;
  const [part, ...rest] = parts;
  if (node.kind === 'object') {
    const entry = node.entries.find((candidate) =>
      part.wildcard ? globMatch(part.text, candidate.key) : candidate.key === part.text,
    );
    return entry ? walk(entry.value, rest) : undefined;
  }
  if (node.kind !== 'array') return undefined;
  if (part.text === '#') {
    if (rest.length === 0) return { kind: 'number', raw: String(node.items.length) };
    const collected = node.items
      .map((item) => walk(item, rest))
      .filter((item): item is RawNode => item !== undefined);
    return { kind: 'array', raw: `[${collected.map((item) => item.raw).join(',')}]`, items: collected };
  }
  if (!/^\d+$/.test(part.text)) return undefined;
  const item = node.items[Number(part.text)];
  return item ? walk(item, rest) : undefined;
}

/** gjson's key wildcards: `*` any run of characters, `?` exactly one. */
function globMatch(pattern: string, key: string): boolean {
  const expression = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${expression}$`, 's').test(key);
}
