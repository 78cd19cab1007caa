/**
 * A JSON parser that keeps each value's raw source text, as Go's `json.RawMessage` and gjson's
 * `Result.Raw` do: numbers keep every digit (no float rounding) and nested objects keep their
 * original formatting. Providers use it to answer `property` and extract requests byte-for-byte
 * like ESO.
 */

/** A parsed value with its source span. */
export type RawNode =
  | {
      readonly kind: 'object';
      readonly raw: string;
      readonly entries: readonly { readonly key: string; readonly value: RawNode }[];
    }
  | { readonly kind: 'array'; readonly raw: string; readonly items: readonly RawNode[] }
  | { readonly kind: 'string'; readonly raw: string; readonly value: string }
  | { readonly kind: 'number' | 'true' | 'false' | 'null'; readonly raw: string };

/** Parses `text` as one JSON document; returns undefined when it is not valid JSON. */
export function parseRawJson(text: string): RawNode | undefined {
  const parser = new RawParser(text);
  try {
    parser.skipSpace();
    const node = parser.value();
    parser.skipSpace();
    return parser.atEnd() ? node : undefined;
  } catch {
    return undefined;
  }
}

/** The text form of a node as gjson's `Result.String()` gives it: strings unquoted, null empty, the rest raw. */
export function rawNodeText(node: RawNode): string {
  if (node.kind === 'string') return node.value;
  if (node.kind === 'null') return '';
  return node.raw;
}

class RawParser {
  private position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  skipSpace(): void {
    while (/[ \t\r\n]/.test(this.text[this.position] ?? '')) this.position++;
  }

  value(): RawNode {
    const char = this.text[this.position];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    for (const literal of ['true', 'false', 'null'] as const) {
      if (this.text.startsWith(literal, this.position)) {
        this.position += literal.length;
        return { kind: literal, raw: literal };
      }
    }
    return this.number();
  }

  private object(): RawNode {
    const start = this.position++;
    const entries: { key: string; value: RawNode }[] = [];
    this.skipSpace();
    if (this.text[this.position] === '}')
      return { kind: 'object', raw: this.text.slice(start, ++this.position), entries };
    for (;;) {
      this.skipSpace();
      const key = this.string();
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      entries.push({ key: (key as { value: string }).value, value: this.value() });
      this.skipSpace();
      if (this.text[this.position] === ',') {
        this.position++;
        continue;
      }
      this.expect('}');
      return { kind: 'object', raw: this.text.slice(start, this.position), entries };
    }
  }

  private array(): RawNode {
    const start = this.position++;
    const items: RawNode[] = [];
    this.skipSpace();
    if (this.text[this.position] === ']')
      return { kind: 'array', raw: this.text.slice(start, ++this.position), items };
    for (;;) {
      this.skipSpace();
      items.push(this.value());
      this.skipSpace();
      if (this.text[this.position] === ',') {
        this.position++;
        continue;
      }
      this.expect(']');
      return { kind: 'array', raw: this.text.slice(start, this.position), items };
    }
  }

  private string(): RawNode {
    const start = this.position;
    this.expect('"');
    while (this.text[this.position] !== '"') {
      if (this.atEnd()) throw new SyntaxError('unterminated string');
      this.position += this.text[this.position] === '\\' ? 2 : 1;
    }
    this.position++;
    const raw = this.text.slice(start, this.position);
    return { kind: 'string', raw, value: JSON.parse(raw) as string };
  }

  private number(): RawNode {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.position));
    if (!match) throw new SyntaxError(`unexpected character at ${this.position}`);
    this.position += match[0].length;
    return { kind: 'number', raw: match[0] };
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) throw new SyntaxError(`expected ${char} at ${this.position}`);
    this.position++;
  }
}
