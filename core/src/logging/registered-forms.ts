/**
 * The redactor's memory: registered forms as (length, first hash, second hash), no text kept.
 * Per length, a map from the first hash to the second (both 32-bit integers, so nothing is boxed);
 * the rare forms of one length sharing a first hash keep a list of second hashes.
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
import type { TextPrefixes } from './form-hash.js';

const GOLDEN = 0x9e3779b1;

/** First hash → second hash(es) of the forms of one length. */
type HashPairs = Map<number, number | number[]>;

function holds(pairs: HashPairs | undefined, h1: number, h2: number): boolean {
  const second = pairs?.get(h1);
  return second === h2 || (typeof second === 'object' && second.includes(h2));
}

class Generation {
  readonly byLength = new Map<number, HashPairs>();
  size = 0;

  has(length: number, h1: number, h2: number): boolean {
    return holds(this.byLength.get(length), h1, h2);
  }

  add(length: number, h1: number, h2: number): void {
    let pairs = this.byLength.get(length);
    if (pairs === undefined) this.byLength.set(length, (pairs = new Map()));
    const second = pairs.get(h1);
    if (second === undefined) pairs.set(h1, h2);
    else if (typeof second === 'number') pairs.set(h1, [second, h2]);
    else second.push(h2);
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

  /** Whether no form is held. */
  get empty(): boolean {
    return this.size === 0;
  }

  /** Remembers the form of `length` characters with hashes `h1`, `h2`. */
  add(length: number, h1: number, h2: number): void {
    if (this.current.has(length, h1, h2)) return;
    this.current.add(length, h1, h2);
    this.setBit(length, h1);
    if (this.current.size >= this.generationSize) this.rotate();
  }

  /**
   * Every window of a text whose hashes match a registered form of its length, as [start, end).
   * `prefixes` holds the text (`n` characters) loaded.
   */
  find(prefixes: TextPrefixes, n: number): [number, number][] | undefined {
    let hits: [number, number][] | undefined;
    for (const [length, pairs] of this.current.byLength)
      hits = this.scan(prefixes, n, length, pairs, this.previous.byLength.get(length), hits);
    for (const [length, pairs] of this.previous.byLength)
      if (!this.current.byLength.has(length)) hits = this.scan(prefixes, n, length, pairs, undefined, hits);
    return hits;
  }

  private scan(
    { prefix1: p1, prefix2: p2, pow1, pow2 }: TextPrefixes,
    n: number,
    length: number,
    pairs: HashPairs,
    morePairs: HashPairs | undefined,
    hits: [number, number][] | undefined,
  ): [number, number][] | undefined {
    const { filter, filterShift } = this;
    const m1 = pow1[length];
    const m2 = pow2[length];
    for (let i = 0, last = n - length; i <= last; i++) {
      const h1 = (p1[i + length] - Math.imul(p1[i], m1)) | 0;
      const bit = Math.imul(h1 ^ length, GOLDEN) >>> filterShift;
      if ((filter[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
      const h2 = (p2[i + length] - Math.imul(p2[i], m2)) | 0;
      if (holds(pairs, h1, h2) || holds(morePairs, h1, h2)) (hits ??= []).push([i, i + length]);
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
    for (const [length, pairs] of this.previous.byLength)
      for (const h1 of pairs.keys()) this.setBit(length, h1);
  }
}
