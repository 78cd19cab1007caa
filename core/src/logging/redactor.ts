/**
 * Makes registered secret values impossible to log. Reconcilers call {@link Redactor.register} on
 * every value they fetch; the logger and the event recorder pass all text through
 * {@link Redactor.redact}.
 *
 * Memory stays bounded and no value is kept: each registered form is stored as its length and two
 * 32-bit polynomial hashes, at most `maxEntries` of them ({@link RegisteredForms}). Redaction slides a window of every registered length over the text
 * (Rabin–Karp). A hash collision can only over-redact (see `form-hash.ts`); registering a value
 * again is cheap (nothing is allocated for ASCII byte values) and keeps it remembered.
 *
 * Forms registered per value: its UTF-8 text (when the bytes are valid UTF-8) and that text
 * without surrounding whitespace (a value read from a file often ends in a newline), its base64
 * (how Secret `data` carries it), and each line of a multi-line value (PEM blocks are logged line
 * by line).
 */
import { FormHasher, TextPrefixes, base64Length } from './form-hash.js';
import { RegisteredForms } from './registered-forms.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();
const CR = 13;
const LF = 10;
const SPACE = 32;

/** Options of {@link Redactor}. */
export interface RedactorOptions {
  /**
   * Most registered forms kept. Forms are forgotten oldest first, in halves: a form not registered
   * again while `maxEntries / 2` newer forms arrive may be forgotten. @default 100_000
   */
  readonly maxEntries?: number;
  /** Shorter values are not registered, to avoid redacting ordinary words. @default 4 */
  readonly minLength?: number;
  /** Lines of multi-line values shorter than this are not registered on their own. @default 16 */
  readonly minLineLength?: number;
  /** Replacement text. @default '[REDACTED]' */
  readonly placeholder?: string;
}

/** Something that scrubs text; the logger and event recorder accept any. */
export interface TextRedactor {
  redact(text: string): string;
}

/** See the module comment. */
export class Redactor implements TextRedactor {
  private readonly forms: RegisteredForms;
  private readonly hasher = new FormHasher();
  private readonly minLength: number;
  private readonly minLineLength: number;
  private readonly placeholder: string;
  /** Scratch space of {@link findHits}, reused across calls (redaction is synchronous). */
  private readonly prefixes = new TextPrefixes();

  constructor(options: RedactorOptions = {}) {
    this.forms = new RegisteredForms({ maxEntries: options.maxEntries ?? 100_000 });
    this.minLength = Math.max(1, options.minLength ?? 4);
    this.minLineLength = options.minLineLength ?? 16;
    this.placeholder = options.placeholder ?? '[REDACTED]';
  }

  /** Number of registered forms currently remembered (at most `maxEntries`). */
  get size(): number {
    return this.forms.size;
  }

  /** Registers a secret value (bytes or text) so it never appears in redacted output. */
  register(value: Uint8Array | string): void {
    if (typeof value !== 'string' && isPlainAscii(value)) {
      this.registerAsciiBytes(value);
      return;
    }
    const bytes = typeof value === 'string' ? encoder.encode(value) : value;
    const text = typeof value === 'string' ? value : tryDecode(bytes);
    if (text !== undefined) {
      this.registerText(text, this.minLength);
      const trimmed = text.trim();
      if (trimmed !== text) this.registerText(trimmed, this.minLength);
    }
    this.registerBase64(bytes);
    if (text !== undefined && /[\r\n]/.test(text)) {
      for (const line of text.split(/\r?\n/)) this.registerText(line.trim(), this.minLineLength);
    }
  }

  /** Returns `text` with every registered form replaced by the placeholder. */
  redact(text: string): string {
    if (this.forms.empty || text.length < this.minLength) return text;
    const hits = this.findHits(text);
    if (hits === undefined) return text;
    return this.replace(text, hits);
  }

  /** Bytes that are ASCII without line breaks: the text form is hashed from the bytes themselves. */
  private registerAsciiBytes(bytes: Uint8Array): void {
    if (bytes.length < this.minLength) return;
    this.hasher.asciiBytes(bytes);
    this.forms.add(bytes.length, this.hasher.h1, this.hasher.h2);
    this.registerBase64(bytes);
  }

  private registerText(form: string, minLength: number): void {
    if (form.length < minLength) return;
    this.hasher.text(form);
    this.forms.add(form.length, this.hasher.h1, this.hasher.h2);
  }

  private registerBase64(bytes: Uint8Array): void {
    if (bytes.length < this.minLength) return;
    this.hasher.base64(bytes);
    this.forms.add(base64Length(bytes.length), this.hasher.h1, this.hasher.h2);
  }

  /** Every window of `text` whose hashes match a registered form of its length, as [start, end). */
  private findHits(text: string): [number, number][] | undefined {
    this.prefixes.load(text);
    return this.forms.find(this.prefixes, text.length);
  }

  private replace(text: string, hits: [number, number][]): string {
    hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = '';
    let cursor = 0;
    let end = -1;
    for (const [start, stop] of hits) {
      if (start < end) {
        end = Math.max(end, stop);
        continue;
      }
      if (end >= 0) cursor = end;
      out += text.slice(cursor, start) + this.placeholder;
      end = stop;
    }
    return out + text.slice(Math.max(cursor, end));
  }
}

/** Whether every byte is ASCII, none is a line break and neither end is blank (one text form). */
function isPlainAscii(bytes: Uint8Array): boolean {
  if (bytes.length > 0 && (bytes[0] <= SPACE || bytes[bytes.length - 1] <= SPACE)) return false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x80 || b === CR || b === LF) return false;
  }
  return true;
}

function tryDecode(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
