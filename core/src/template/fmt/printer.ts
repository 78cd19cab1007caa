/**
 * Go's fmt printing (`pp` in fmt/print.go) for engine values: Sprint, Sprintln and Sprintf with
 * Go's verbs, flags, widths, precisions, argument indexes and error annotations
 * (`%!d(string=x)`, `%!v(MISSING)`, `%!(EXTRA …)`).
 */
import { GoInt, GoMap, GoSlice, type GoObject, type GoValue, isGoObject, typeOf } from '../value/go-value.js';
import { decodeRune, encodeRune } from '../text/bytes.js';
import { Formatter } from './formatter.js';

class Printer {
  readonly f = new Formatter();
  private arg: GoValue | undefined = undefined;
  private erroring = false;

  get out(): string {
    return this.f.buf;
  }

  badVerb(verb: string, arg: GoValue | undefined): void {
    this.erroring = true;
    this.f.buf += '%!' + verb + '(';
    if (arg !== undefined && arg !== null) {
      this.f.buf += typeOf(arg) + '=';
      this.printArg(arg, 'v');
    } else {
      this.f.buf += '<nil>';
    }
    this.f.buf += ')';
    this.erroring = false;
  }

  fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.f.fmtBoolean(v);
    else this.badVerb(verb, v);
  }

  fmtInteger(v: GoInt, verb: string): void {
    const signed = !v.unsigned;
    const f = this.f;
    switch (verb) {
      case 'v':
        if (f.sharpV && !signed) {
          const sharp = f.sharp;
          f.sharp = true;
          f.fmtInteger(v.value, 16, false, 'v', false);
          f.sharp = sharp;
        } else {
          f.fmtInteger(v.value, 10, signed, verb, false);
        }
        return;
      case 'd':
        return f.fmtInteger(v.value, 10, signed, verb, false);
      case 'b':
        return f.fmtInteger(v.value, 2, signed, verb, false);
      case 'o':
      case 'O':
        return f.fmtInteger(v.value, 8, signed, verb, false);
      case 'x':
        return f.fmtInteger(v.value, 16, signed, verb, false);
      case 'X':
        return f.fmtInteger(v.value, 16, signed, verb, true);
      case 'c':
        return f.fmtC(BigInt.asUintN(64, v.value));
      case 'q':
        return f.fmtQc(BigInt.asUintN(64, v.value));
      case 'U':
        return f.fmtUnicode(BigInt.asUintN(64, v.value));
    }
    this.badVerb(verb, v);
  }

  fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        return this.f.fmtFloat(v, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.f.fmtFloat(v, verb, -1);
      case 'f':
      case 'e':
      case 'E':
      case 'F':
        return this.f.fmtFloat(v, verb, 6);
    }
    this.badVerb(verb, v);
  }

  fmtString(v: string, verb: string, arg: GoValue): void {
    switch (verb) {
      case 'v':
        return this.f.sharpV ? this.f.fmtQ(v) : this.f.fmtS(v);
      case 's':
        return this.f.fmtS(v);
      case 'x':
        return this.f.fmtSx(v, false);
      case 'X':
        return this.f.fmtSx(v, true);
      case 'q':
        return this.f.fmtQ(v);
    }
    this.badVerb(verb, arg);
  }

  handleMethods(v: GoValue, verb: string): boolean {
    if (this.erroring || this.f.sharpV || !isGoObject(v) || !v.goString) return false;
    if (verb === 'v' || verb === 's' || verb === 'x' || verb === 'X' || verb === 'q') {
      this.fmtString(v.goString(), verb, v);
      return true;
    }
    return false;
  }

  printArg(arg: GoValue, verb: string): void {
    this.arg = arg;
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.f.pad('<nil>');
      else this.badVerb(verb, null);
      return;
    }
    if (verb === 'T') return this.f.fmtS(typeOf(arg));
    if (verb === 'p') return this.badVerb(verb, arg);
    switch (typeof arg) {
      case 'boolean':
        return this.fmtBool(arg, verb);
      case 'number':
        return this.fmtFloat(arg, verb);
      case 'string':
        return this.fmtString(arg, verb, arg);
    }
    if (arg instanceof GoInt) return this.fmtInteger(arg, verb);
    if (!this.handleMethods(arg, verb)) this.printValue(arg, verb, 0);
  }

  printValue(value: GoValue, verb: string, depth: number): void {
    if (depth > 0 && value !== null && this.handleMethods(value, verb)) return;
    if (value === null) {
      // A nil element of a composite prints the same whatever the verb.
      this.f.buf += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    switch (typeof value) {
      case 'boolean':
        return this.fmtBool(value, verb);
      case 'number':
        return this.fmtFloat(value, verb);
      case 'string':
        return this.fmtString(value, verb, value);
    }
    if (value instanceof GoInt) return this.fmtInteger(value, verb);
    if (value instanceof GoMap) return this.printMap(value, verb, depth);
    if (value instanceof GoSlice) return this.printSlice(value, verb, depth);
    this.printObject(value, verb, depth);
  }

  private printMap(m: GoMap, verb: string, depth: number): void {
    const sharpV = this.f.sharpV;
    this.f.buf += sharpV ? m.goType + '{' : 'map[';
    m.sortedKeys().forEach((key, i) => {
      if (i > 0) this.f.buf += sharpV ? ', ' : ' ';
      this.printValue(key, verb, depth + 1);
      this.f.buf += ':';
      this.printValue(m.entries.get(key) ?? null, verb, depth + 1);
    });
    this.f.buf += sharpV ? '}' : ']';
  }

  private printSlice(s: GoSlice, verb: string, depth: number): void {
    if (s.elemType === 'uint8' && (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X')) {
      const bytes = s.items.map((b) => String.fromCharCode(Number((b as GoInt).value))).join('');
      if (verb === 's') return this.f.fmtS(bytes);
      return this.fmtString(bytes, verb, s);
    }
    const sharpV = this.f.sharpV;
    this.f.buf += sharpV ? s.goType + '{' : '[';
    s.items.forEach((item, i) => {
      if (i > 0) this.f.buf += sharpV ? ', ' : ' ';
      this.printValue(item, verb, depth + 1);
    });
    this.f.buf += sharpV ? '}' : ']';
  }

  private printObject(o: GoObject, verb: string, depth: number): void {
    if (o.goKind === 'ptr') {
      if (depth === 0) this.f.buf += '&';
    } else if (this.f.sharpV) {
      this.f.buf += o.goType;
    }
    this.f.buf += '{';
    const names = o.fieldNames?.() ?? [];
    names.forEach((name, i) => {
      if (i > 0) this.f.buf += this.f.sharpV ? ', ' : ' ';
      if (this.f.plusV || this.f.sharpV) this.f.buf += name + ':';
      this.printValue(o.field?.(name) ?? null, verb, depth + 1);
    });
    this.f.buf += '}';
  }

  doPrint(args: readonly GoValue[]): void {
    let prevString = false;
    args.forEach((arg, i) => {
      const isString = typeof arg === 'string';
      if (i > 0 && !isString && !prevString) this.f.buf += ' ';
      this.printArg(arg, 'v');
      prevString = isString;
    });
  }

  doPrintln(args: readonly GoValue[]): void {
    args.forEach((arg, i) => {
      if (i > 0) this.f.buf += ' ';
      this.printArg(arg, 'v');
    });
    this.f.buf += '\n';
  }
}

export { Printer };

/** fmt.Sprint */
export function sprint(args: readonly GoValue[]): string {
  const p = new Printer();
  p.doPrint(args);
  return p.out;
}

/** fmt.Sprintln */
export function sprintln(args: readonly GoValue[]): string {
  const p = new Printer();
  p.doPrintln(args);
  return p.out;
}

/** Decodes the verb rune at i (byte string), returning [verb, width]. */
export function verbAt(format: string, i: number): [string, number] {
  const c = format.charCodeAt(i);
  if (c < 0x80) return [format[i], 1];
  const [r, w] = decodeRune(format, i);
  return [encodeRune(r), w];
}
