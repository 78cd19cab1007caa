/**
 * Makes registered secret values impossible to log. Reconcilers call {@link Redactor.register} on
 * every value they fetch; the logger and the event recorder pass all text through
 * {@link Redactor.redact}.
 *
 * Memory stays bounded and no value is kept: each registered form is stored as a 52-bit polynomial
 * hash, grouped by length, in an LRU of at most `maxEntries`. Redaction slides a window of every
 * registered length over the text (Rabin–Karp); a hash collision can only over-redact.
 *
 * Forms registered per value: its UTF-8 text (when the bytes are valid UTF-8), its base64 (how
 * Secret `data` carries it), and each line of a multi-line value (PEM blocks are logged line by line).
 */

const P1 = 67_108_859;
const P2 = 67_108_837;
const B1 = 313_717;
const B2 = 1_000_039;
const SPLIT = 2 ** 26;
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Options of {@link Redactor}. */
export interface RedactorOptions {
  /** Most distinct registered forms kept; the least recently registered are forgotten first. @default 100_000 */
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
  private readonly byLength = new Map<number, Set<number>>();
  private readonly lru = new Map<string, true>();
  private readonly pow1: number[] = [1];
  private readonly pow2: number[] = [1];
  private readonly maxEntries: number;
  private readonly minLength: number;
  private readonly minLineLength: number;
  private readonly placeholder: string;

  constructor(options: RedactorOptions = {}) {
    this.maxEntries = options.maxEntries ?? 100_000;
    this.minLength = Math.max(1, options.minLength ?? 4);
    this.minLineLength = options.minLineLength ?? 16;
    this.placeholder = options.placeholder ?? '[REDACTED]';
  }

  /** Number of registered forms currently remembered. */
  get size(): number {
    return this.lru.size;
  }

  /** Registers a secret value (bytes or text) so it never appears in redacted output. */
  register(value: Uint8Array | string): void {
    const bytes = typeof value === 'string' ? encoder.encode(value) : value;
    const text = typeof value === 'string' ? value : tryDecode(bytes);
    if (text !== undefined) this.registerForm(text, this.minLength);
    if (bytes.length >= this.minLength)
      this.registerForm(Buffer.from(bytes).toString('base64'), this.minLength);
    if (text !== undefined && /[\r\n]/.test(text)) {
      for (const line of text.split(/\r?\n/)) this.registerForm(line.trim(), this.minLineLength);
    }
  }

  /** Returns `text` with every registered form replaced by the placeholder. */
  redact(text: string): string {
    if (this.byLength.size === 0 || text.length < this.minLength) return text;
    const hits = this.findHits(text);
    if (hits.length === 0) return text;
    return this.replace(text, hits);
  }

  private registerForm(form: string, minLength: number): void {
    if (form.length < minLength) return;
    const hash = this.hashOf(form);
    const id = `${form.length}:${hash}`;
    if (this.lru.delete(id)) {
      this.lru.set(id, true);
      return;
    }
    this.lru.set(id, true);
    let set = this.byLength.get(form.length);
    if (set === undefined) this.byLength.set(form.length, (set = new Set()));
    set.add(hash);
    if (this.lru.size > this.maxEntries) this.evictOldest();
  }

  private evictOldest(): void {
    const oldest = this.lru.keys().next().value as string;
    this.lru.delete(oldest);
    const [length, hash] = oldest.split(':').map(Number);
    const set = this.byLength.get(length);
    set?.delete(hash);
    if (set?.size === 0) this.byLength.delete(length);
  }

  private hashOf(text: string): number {
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = (h1 * B1 + c) % P1;
      h2 = (h2 * B2 + c) % P2;
    }
    return h1 * SPLIT + h2;
  }

  private findHits(text: string): [number, number][] {
    const n = text.length;
    this.growPowers(n);
    const prefix1 = new Int32Array(n + 1);
    const prefix2 = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      prefix1[i + 1] = (prefix1[i] * B1 + c) % P1;
      prefix2[i + 1] = (prefix2[i] * B2 + c) % P2;
    }
    const hits: [number, number][] = [];
    for (const [length, hashes] of this.byLength) {
      if (length > n) continue;
      const m1 = this.pow1[length];
      const m2 = this.pow2[length];
      for (let i = 0; i + length <= n; i++) {
        const h1 = (prefix1[i + length] - ((prefix1[i] * m1) % P1) + P1) % P1;
        const h2 = (prefix2[i + length] - ((prefix2[i] * m2) % P2) + P2) % P2;
        if (hashes.has(h1 * SPLIT + h2)) hits.push([i, i + length]);
      }
    }
    return hits;
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

  private growPowers(n: number): void {
    for (let i = this.pow1.length; i <= n; i++) {
      this.pow1.push((this.pow1[i - 1] * B1) % P1);
      this.pow2.push((this.pow2[i - 1] * B2) % P2);
    }
  }
}

function tryDecode(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
