/**
 * The redactor's memory: registered forms as (length, {@link formKey}) pairs, no text kept.
 *
 * Bounded by two generations: new forms go into the current one; when it holds half of
 * `maxEntries`, it becomes the previous one and the old previous one is forgotten. A form
 * registered again while only the previous generation holds it moves to the current one, so
 * forms that keep being registered are never forgotten, and at most `maxEntries` are held.
 *
 * A bit filter over (length, first hash) answers "certainly not registered" for almost every
 * window of a scanned text without touching the sets (no boxed number per window). It is rebuilt
 * from what is kept whenever a generation is dropped, so forgotten forms do not fill it up.
 */
import { firstHashOf, formKey, type TextPrefixes } from './form-hash.js';

const GOLDEN = 0x9e3779b1;

class Generation {
  readonly byLength = new Map<number, Set<number>>();
  size = 0;

  has(length: number, key: number): boolean {
    return this.byLength.get(length)?.has(key) ?? false;
  }

  add(length: number, key: number): void {
    let keys = this.byLength.get(length);
    if (keys === undefined) this.byLength.set(length, (keys = new Set()));
    keys.add(key);
    this.size++;
  }
}

/** Options of {@link RegisteredForms}. */
export interface RegisteredFormsOptions {
  /** Most forms held (both generations together). */
  readonly maxEntries: number;
}

/** See the module comment. */
export class RegisteredForms {
  private current = new Generation();
  private previous = new Generation();
  private readonly generationSize: number;
  private readonly filter: Int32Array;
  private readonly filterShift: number;

  constructor(options: RegisteredFormsOptions) {
    this.generationSize = Math.max(1, Math.floor(options.maxEntries / 2));
    const bits = Math.min(22, Math.max(10, Math.ceil(Math.log2(Math.max(1, options.maxEntries) * 8))));
    this.filter = new Int32Array(2 ** (bits - 5));
    this.filterShift = 32 - bits;
  }

  /** Forms held (a form moved to the current generation counts until the previous one is dropped). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  get empty(): boolean {
    return this.size === 0;
  }

  /** Remembers the form of `length` characters with hashes `h1`, `h2`. */
  add(length: number, h1: number, h2: number): void {
    const key = formKey(h1, h2);
    if (this.current.has(length, key)) return;
    this.current.add(length, key);
    this.setBit(length, h1);
    if (this.current.size >= this.generationSize) this.rotate();
  }

  /**
   * Every window of a text whose hashes match a registered form of its length, as [start, end).
   * `prefixes` holds the text (`n` characters) loaded.
   */
  find(prefixes: TextPrefixes, n: number): [number, number][] | undefined {
    let hits: [number, number][] | undefined;
    for (const [length, keys] of this.current.byLength)
      hits = this.scan(prefixes, n, length, keys, this.previous.byLength.get(length), hits);
    for (const [length, keys] of this.previous.byLength)
      if (!this.current.byLength.has(length)) hits = this.scan(prefixes, n, length, keys, undefined, hits);
    return hits;
  }

  private scan(
    { prefix1: p1, prefix2: p2, pow1, pow2 }: TextPrefixes,
    n: number,
    length: number,
    keys: Set<number>,
    moreKeys: Set<number> | undefined,
    hits: [number, number][] | undefined,
  ): [number, number][] | undefined {
    const { filter, filterShift } = this;
    const m1 = pow1[length];
    const m2 = pow2[length];
    for (let i = 0, last = n - length; i <= last; i++) {
      const h1 = (p1[i + length] - Math.imul(p1[i], m1)) | 0;
      const bit = Math.imul(h1 ^ length, GOLDEN) >>> filterShift;
      if ((filter[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
      const key = formKey(h1, (p2[i + length] - Math.imul(p2[i], m2)) | 0);
      if (keys.has(key) || moreKeys?.has(key) === true) (hits ??= []).push([i, i + length]);
    }
    return hits;
  }

  private setBit(length: number, h1: number): void {
    const bit = Math.imul(h1 ^ length, GOLDEN) >>> this.filterShift;
    this.filter[bit >>> 5] |= 1 << (bit & 31);
  }

  private rotate(): void {
    this.previous = this.current;
    this.current = new Generation();
    this.filter.fill(0);
    for (const [length, keys] of this.previous.byLength)
      for (const key of keys) this.setBit(length, firstHashOf(key));
  }
}
