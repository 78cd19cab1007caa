/** fmt.Sprintf (`doPrintf` in fmt/print.go) over engine values. */
import { GoInt, type GoValue, typeOf } from '../value/go-value.js';
import { Printer, verbAt } from './printer.js';

/** Width and precision values above this are rejected by Go's fmt. */
const TOO_LARGE = 1e6;

function parseNum(s: string, start: number, end: number): [number, boolean, number] {
  let num = 0;
  let isNum = false;
  let i = start;
  for (; i < end && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39; i++) {
    if (num > TOO_LARGE || num < -TOO_LARGE) return [0, false, end];
    num = num * 10 + (s.charCodeAt(i) - 0x30);
    isNum = true;
  }
  return [num, isNum, i];
}

function intFromArg(args: readonly GoValue[], argNum: number): [number, boolean, number] {
  if (argNum >= args.length) return [0, false, argNum];
  const a = args[argNum];
  let num = 0;
  let isInt = false;
  if (
    a instanceof GoInt &&
    a.value <= BigInt(Number.MAX_SAFE_INTEGER) &&
    a.value >= -BigInt(Number.MAX_SAFE_INTEGER)
  ) {
    num = Number(a.value);
    isInt = true;
  }
  if (num > TOO_LARGE || num < -TOO_LARGE) {
    num = 0;
    isInt = false;
  }
  return [num, isInt, argNum + 1];
}

interface Cursor {
  argNum: number;
  i: number;
  afterIndex: boolean;
  goodArgNum: boolean;
  reordered: boolean;
}

/** Handles an explicit argument index "[n]" at c.i. */
function argNumber(c: Cursor, format: string, numArgs: number): void {
  if (format.length <= c.i || format[c.i] !== '[') {
    c.afterIndex = false;
    return;
  }
  c.reordered = true;
  const sub = format.slice(c.i);
  let index = 0;
  let wid = 1;
  let ok = false;
  if (sub.length >= 3) {
    for (let j = 1; j < sub.length; j++) {
      if (sub[j] === ']') {
        const [n, isNum, newi] = parseNum(sub, 1, j);
        if (!isNum || newi !== j) {
          wid = j + 1;
        } else {
          index = n - 1;
          wid = j + 1;
          ok = true;
        }
        break;
      }
    }
  }
  if (ok && index >= 0 && index < numArgs) {
    c.argNum = index;
    c.i += wid;
    c.afterIndex = true;
    return;
  }
  c.goodArgNum = false;
  c.i += wid;
  c.afterIndex = ok;
}

/** Parses flags; returns true when a simple verb was printed directly. */
function parseFlags(p: Printer, format: string, args: readonly GoValue[], c: Cursor): boolean {
  const f = p.f;
  for (; c.i < format.length; c.i++) {
    const ch = format[c.i];
    switch (ch) {
      case '#':
        f.sharp = true;
        break;
      case '0':
        f.zero = !f.minus;
        break;
      case '+':
        f.plus = true;
        break;
      case '-':
        f.minus = true;
        f.zero = false;
        break;
      case ' ':
        f.space = true;
        break;
      default:
        if (ch >= 'a' && ch <= 'z' && c.argNum < args.length) {
          if (ch === 'v') {
            f.sharpV = f.sharp;
            f.sharp = false;
            f.plusV = f.plus;
            f.plus = false;
          }
          p.printArg(args[c.argNum], ch);
          c.argNum++;
          c.i++;
          return true;
        }
        return false;
    }
  }
  return false;
}

function parseWidthPrec(p: Printer, format: string, args: readonly GoValue[], c: Cursor): void {
  const f = p.f;
  const end = format.length;
  argNumber(c, format, args.length);
  if (c.i < end && format[c.i] === '*') {
    c.i++;
    [f.wid, f.widPresent, c.argNum] = intFromArg(args, c.argNum);
    if (!f.widPresent) f.buf += '%!(BADWIDTH)';
    if (f.wid < 0) {
      f.wid = -f.wid;
      f.minus = true;
      f.zero = false;
    }
    c.afterIndex = false;
  } else {
    [f.wid, f.widPresent, c.i] = parseNum(format, c.i, end);
    if (c.afterIndex && f.widPresent) c.goodArgNum = false;
  }
  if (c.i + 1 < end && format[c.i] === '.') {
    c.i++;
    if (c.afterIndex) c.goodArgNum = false;
    argNumber(c, format, args.length);
    if (c.i < end && format[c.i] === '*') {
      c.i++;
      [f.prec, f.precPresent, c.argNum] = intFromArg(args, c.argNum);
      if (f.prec < 0) {
        f.prec = 0;
        f.precPresent = false;
      }
      if (!f.precPresent) f.buf += '%!(BADPREC)';
      c.afterIndex = false;
    } else {
      [f.prec, f.precPresent, c.i] = parseNum(format, c.i, end);
      if (!f.precPresent) {
        f.prec = 0;
        f.precPresent = true;
      }
    }
  }
  if (!c.afterIndex) argNumber(c, format, args.length);
}

function printExtra(p: Printer, args: readonly GoValue[], from: number): void {
  p.f.clearFlags();
  p.f.buf += '%!(EXTRA ';
  args.slice(from).forEach((arg, i) => {
    if (i > 0) p.f.buf += ', ';
    if (arg === null) {
      p.f.buf += '<nil>';
    } else {
      p.f.buf += typeOf(arg) + '=';
      p.printArg(arg, 'v');
    }
  });
  p.f.buf += ')';
}

/** fmt.Sprintf; `maxWidth` bounds widths/precisions so a template cannot allocate without limit. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer();
  const end = format.length;
  const c: Cursor = { argNum: 0, i: 0, afterIndex: false, goodArgNum: true, reordered: false };
  while (c.i < end) {
    c.goodArgNum = true;
    const pct = format.indexOf('%', c.i);
    const stop = pct < 0 ? end : pct;
    if (stop > c.i) p.f.buf += format.slice(c.i, stop);
    c.i = stop;
    if (c.i >= end) break;
    c.i++;
    p.f.clearFlags();
    if (parseFlags(p, format, args, c)) continue;
    parseWidthPrec(p, format, args, c);
    if (c.i >= end) {
      p.f.buf += '%!(NOVERB)';
      break;
    }
    const [verb, size] = verbAt(format, c.i);
    c.i += size;
    if (verb === '%') {
      p.f.buf += '%';
    } else if (!c.goodArgNum) {
      p.f.buf += '%!' + verb + '(BADINDEX)';
    } else if (c.argNum >= args.length) {
      p.f.buf += '%!' + verb + '(MISSING)';
    } else {
      if (verb === 'v') {
        p.f.sharpV = p.f.sharp;
        p.f.sharp = false;
        p.f.plusV = p.f.plus;
        p.f.plus = false;
      }
      p.printArg(args[c.argNum], verb);
      c.argNum++;
    }
  }
  if (!c.reordered && c.argNum < args.length) printExtra(p, args, c.argNum);
  return p.out;
}
