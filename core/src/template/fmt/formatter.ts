/**
 * Low-level field formatting of Go's fmt package (the `fmt` struct in fmt/format.go): padding,
 * integers in any base, floats, strings, quoted strings and runes. Works on byte strings.
 */
import { RUNE_ERROR, decodeRune, encodeRune, runeCount } from '../text/bytes.js';
import { canBackquote, quote, quoteRune, quoteToAscii } from '../text/quote.js';
import { isPrint } from '../text/unicode.js';
import { formatFloat, formatFloatBinary, formatFloatHex } from './float.js';

const LDIGITS = '0123456789abcdefx';
const UDIGITS = '0123456789ABCDEFX';

/** Flags, width and precision of one verb. */
export class Formatter {
  buf = '';
  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  wid = 0;
  prec = 0;

  clearFlags(): void {
    this.widPresent = this.precPresent = this.minus = this.plus = false;
    this.sharp = this.space = this.zero = this.plusV = this.sharpV = false;
    this.wid = this.prec = 0;
  }

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero ? '0' : ' ').repeat(n);
  }

  /** Appends s padded to the width (counted in runes). */
  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  /** Formats an integer given as a 64-bit two's complement bigint (u) in a base. */
  fmtInteger(u: bigint, base: number, signed: boolean, verb: string, upper: boolean): void {
    const digits = upper ? UDIGITS : LDIGITS;
    let v = BigInt.asUintN(64, u);
    const negative = signed && BigInt.asIntN(64, u) < 0n;
    if (negative) v = BigInt.asUintN(64, -BigInt.asIntN(64, u));
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && v === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let num = base === 10 ? v.toString(10) : v.toString(base);
    if (base === 16) num = [...num].map((c) => digits[parseInt(c, 16)]).join('');
    if (num.length < prec) num = '0'.repeat(prec - num.length) + num;
    if (this.sharp) {
      if (base === 2) num = '0b' + num;
      else if (base === 8 && num[0] !== '0') num = '0' + num;
      else if (base === 16) num = '0' + digits[16] + num;
    }
    if (verb === 'O') num = '0o' + num;
    if (negative) num = '-' + num;
    else if (this.plus) num = '+' + num;
    else if (this.space) num = ' ' + num;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(num);
    this.zero = oldZero;
  }

  fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let hex = BigInt.asUintN(64, u).toString(16).toUpperCase();
    if (hex.length < prec) hex = '0'.repeat(prec - hex.length) + hex;
    let s = 'U+' + hex;
    if (this.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += " '" + encodeRune(Number(u)) + "'";
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  fmtC(u: bigint): void {
    const r = u > 0x10ffffn ? RUNE_ERROR : Number(u);
    this.pad(encodeRune(r));
  }

  fmtQc(u: bigint): void {
    const r = u > 0x10ffffn ? RUNE_ERROR : Number(u);
    this.pad(quoteRune(r, this.plus));
  }

  truncateString(s: string): string {
    if (!this.precPresent) return s;
    let n = this.prec;
    for (let i = 0; i < s.length;) {
      n--;
      if (n < 0) return s.slice(0, i);
      i += decodeRune(s, i)[1];
    }
    return s;
  }

  fmtS(s: string): void {
    this.pad(this.truncateString(s));
  }

  fmtSx(s: string, upper: boolean): void {
    const digits = upper ? UDIGITS : LDIGITS;
    let length = s.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) {
        width += 2;
      }
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = this.sharp ? '0' + digits[16] : '';
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += '0' + digits[16];
      }
      const c = s.charCodeAt(i);
      out += digits[c >> 4] + digits[c & 0xf];
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtQ(s: string): void {
    s = this.truncateString(s);
    if (this.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(this.plus ? quoteToAscii(s) : quote(s));
  }

  fmtFloat(v: number, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num: string;
    if (verb === 'x' || verb === 'X') num = formatFloatHex(v, verb, prec);
    else if (verb === 'b') num = formatFloatBinary(v);
    else num = formatFloat(v, (verb === 'F' ? 'f' : verb) as 'e' | 'E' | 'f' | 'g' | 'G', prec);
    num = num[0] === '-' || num[0] === '+' ? num : '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== 'b') num = this.sharpFloat(num, verb, prec);
    if (this.plus || num[0] !== '+') {
      if (this.zero && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  /** The '#' flag: always a decimal point, and %g keeps trailing zeros. */
  private sharpFloat(num: string, verb: string, prec: number): string {
    let digits = 0;
    if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
    let tail = '';
    let hasPoint = false;
    let sawNonzero = false;
    for (let i = 1; i < num.length; i++) {
      const c = num[i];
      if (c === '.') {
        hasPoint = true;
      } else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
        tail = num.slice(i);
        num = num.slice(0, i);
        break;
      } else {
        if (c !== '0') sawNonzero = true;
        if (sawNonzero) digits--;
      }
    }
    if (!hasPoint) {
      if (num.length === 2 && num[1] === '0') digits--;
      num += '.';
    }
    if (digits > 0) num += '0'.repeat(digits);
    return num + tail;
  }
}
