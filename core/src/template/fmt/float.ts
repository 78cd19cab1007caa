/**
 * strconv.FormatFloat for float64 with the 'e', 'E', 'f', 'g', 'G' formats: shortest
 * (precision -1) uses JS's shortest round-trip digits (the same digits Go picks); a fixed
 * precision rounds the exact binary value half-to-even, as Go does.
 */

/** Decimal digits `0.d × 10^dp`, without leading or trailing zeros; zero has d = ''. */
interface Decimal {
  d: string;
  dp: number;
}

function trimZeros(dec: Decimal): Decimal {
  let end = dec.d.length;
  while (end > 0 && dec.d.charCodeAt(end - 1) === 0x30) end--;
  const d = dec.d.slice(0, end);
  return { d, dp: d === '' ? 0 : dec.dp };
}

function shortestDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const s = x.toExponential();
  const eAt = s.indexOf('e');
  const digits = s.slice(0, eAt).replace('.', '');
  const exp = Number(s.slice(eAt + 1));
  return trimZeros({ d: digits, dp: exp + 1 });
}

function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (biased === 0) {
    e2 = -1074;
  } else {
    mant |= 1n << 52n;
    e2 = biased - 1075;
  }
  if (e2 >= 0) {
    const digits = (mant << BigInt(e2)).toString();
    return trimZeros({ d: digits, dp: digits.length });
  }
  const digits = (mant * 5n ** BigInt(-e2)).toString();
  return trimZeros({ d: digits, dp: digits.length + e2 });
}

/** Rounds to `nd` significant digits, half to even (strconv decimal.Round). */
function round(dec: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= dec.d.length) return dec;
  const digit = dec.d.charCodeAt(nd) - 0x30;
  let up: boolean;
  if (digit === 5 && nd + 1 === dec.d.length) {
    up = nd > 0 && (dec.d.charCodeAt(nd - 1) - 0x30) % 2 === 1;
  } else {
    up = digit >= 5;
  }
  if (!up) return trimZeros({ d: dec.d.slice(0, nd), dp: dec.dp });
  let i = nd - 1;
  while (i >= 0 && dec.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: dec.dp + 1 };
  const d = dec.d.slice(0, i) + String.fromCharCode(dec.d.charCodeAt(i) + 1);
  return trimZeros({ d, dp: dec.dp });
}

function fmtE(neg: boolean, dec: Decimal, prec: number, fmt: string): string {
  let out = neg ? '-' : '';
  out += dec.d.length === 0 ? '0' : dec.d[0];
  if (prec > 0) {
    out += '.';
    const m = Math.min(dec.d.length, prec + 1);
    out += dec.d.slice(1, m);
    out += '0'.repeat(Math.max(0, prec + 1 - Math.max(m, 1)));
  }
  let exp = dec.d.length === 0 ? 0 : dec.dp - 1;
  out += fmt;
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else {
    out += '+';
  }
  return out + (exp < 10 ? '0' + exp : String(exp));
}

function fmtF(neg: boolean, dec: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  if (dec.dp > 0) {
    const m = Math.min(dec.d.length, dec.dp);
    out += dec.d.slice(0, m) + '0'.repeat(dec.dp - m);
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      const j = dec.dp + i;
      out += j >= 0 && j < dec.d.length ? dec.d[j] : '0';
    }
  }
  return out;
}

/** Go strconv.FormatFloat(x, fmt, prec, 64) for fmt in e, E, f, g, G. */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let dec: Decimal;
  if (shortest) {
    dec = shortestDecimal(abs);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(dec.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(dec.d.length - dec.dp, 0);
    else prec = dec.d.length;
  } else {
    dec = exactDecimal(abs);
    if (fmt === 'e' || fmt === 'E') dec = round(dec, prec + 1);
    else if (fmt === 'f') dec = round(dec, dec.dp + prec);
    else {
      if (prec === 0) prec = 1;
      dec = round(dec, prec);
    }
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, dec, prec, fmt);
  if (fmt === 'f') return fmtF(neg, dec, prec);
  let eprec = prec;
  if (eprec > dec.d.length && dec.d.length >= dec.dp) eprec = dec.d.length;
  if (shortest) eprec = 6;
  const exp = dec.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > dec.d.length) prec = dec.d.length;
    return fmtE(neg, dec, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > dec.dp) prec = dec.d.length;
  return fmtF(neg, dec, Math.max(prec - dec.dp, 0));
}

function floatBits(x: number): { neg: boolean; mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  return { neg, mant, exp: exp - 1023 };
}

/** strconv 'b' format: decimal mantissa, binary exponent (e.g. 6755399441055744p-52). */
export function formatFloatBinary(x: number): string {
  if (!Number.isFinite(x)) return formatFloat(x, 'g', -1);
  const { neg, mant, exp } = floatBits(x);
  const e = exp - 52;
  return `${neg ? '-' : ''}${mant}p${e >= 0 ? '+' : ''}${e}`;
}

/** strconv 'x'/'X' format: hexadecimal mantissa and binary exponent (e.g. 0x1.8p+00). */
export function formatFloatHex(x: number, fmt: 'x' | 'X', prec: number): string {
  if (!Number.isFinite(x)) return formatFloat(x, 'g', -1);
  const bits = floatBits(x);
  let { mant, exp } = bits;
  if (mant === 0n) exp = 0;
  const ONE = 1n << 60n;
  mant <<= 8n;
  while (mant !== 0n && (mant & ONE) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (ONE - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = (bits.neg ? '-' : '') + '0' + fmt + String((mant >> 60n) & 1n);
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  out += fmt === 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  const e = Math.abs(exp);
  return out + (e < 10 ? '0' + e : String(e));
}
