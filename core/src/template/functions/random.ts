/** sprig's random functions (crypto-quality randomness, like goutils' CryptoRandom*). */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import { encodeRune, toRunes } from '../text/bytes.js';
import { I, S, int, num } from './support.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

function randomString(count: number, alphabet: string, checkSize: (n: number) => void): string {
  if (count <= 0) return '';
  checkSize(count);
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Fisher–Yates over runes (xstrings.Shuffle). */
function shuffle(s: string): string {
  const runes = toRunes(s);
  for (let i = runes.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [runes[i], runes[j]] = [runes[j], runes[i]];
  }
  return runes.map(encodeRune).join('');
}

/** The random family. */
export const RANDOM_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['randAlphaNum', fn([I], ([n], ctx) => randomString(num(n), LETTERS + DIGITS, (x) => ctx.checkSize(x)))],
  ['randAlpha', fn([I], ([n], ctx) => randomString(num(n), LETTERS, (x) => ctx.checkSize(x)))],
  ['randNumeric', fn([I], ([n], ctx) => randomString(num(n), DIGITS, (x) => ctx.checkSize(x)))],
  ['randAscii', fn([I], ([n], ctx) => randomString(num(n), ASCII, (x) => ctx.checkSize(x)))],
  [
    'randBytes',
    fn([I], ([n], ctx) => {
      const count = num(n);
      if (count < 0) throw new FuncError('negative byte count');
      ctx.checkSize(count);
      return randomBytes(count).toString('base64');
    }),
  ],
  [
    'randInt',
    fn([I, I], ([lo, hi]) => {
      const [min, max] = [num(lo), num(hi)];
      if (max - min <= 0) throw new FuncError('invalid argument to Intn');
      return int(min + randomInt(Math.min(max - min, 2 ** 48 - 1)));
    }),
  ],
  ['shuffle', fn([S], ([s]) => shuffle(s as string))],
  ['uuidv4', fn([], () => randomUUID())],
]);
