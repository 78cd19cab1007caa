/**
 * Lexer for Go text/template (text/template/parse/lex.go semantics) over a byte string.
 * Produces the whole token list up front; a lexical error is the last token.
 */

import { decodeLastRune, decodeRune } from '../text/bytes.js';
import { lexText } from './lex-states.js';
import { EOF, type Item, T, countNewlines, hasRightTrimMarker, isSpaceCh } from './token.js';

export { type Item, T } from './token.js';

/** A state of the lexer's state machine. */
export type StateFn = ((l: Lexer) => StateFn) | null;

/** The lexer state machine. */
export class Lexer {
  readonly items: Item[] = [];
  pos = 0;
  start = 0;
  atEOF = false;
  parenDepth = 0;
  line = 1;
  startLine = 1;

  constructor(
    readonly input: string,
    readonly leftDelim: string,
    readonly rightDelim: string,
  ) {}

  run(): Item[] {
    let state: StateFn = lexText;
    while (state) state = state(this);
    return this.items;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const [r, w] = decodeRune(this.input, this.pos);
    this.pos += w;
    if (r === 0x0a) this.line++;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const [r, w] = decodeLastRune(this.input, this.pos);
      this.pos -= w;
      if (r === 0x0a) this.line--;
    }
  }

  emit(type: T): void {
    this.items.push({
      type,
      pos: this.start,
      val: this.input.slice(this.start, this.pos),
      line: this.startLine,
    });
    this.start = this.pos;
    this.startLine = this.line;
  }

  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r >= 0 && r < 0x80 && valid.includes(String.fromCharCode(r))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r < 0 || r >= 0x80 || !valid.includes(String.fromCharCode(r))) break;
    }
    this.backup();
  }

  errorf(message: string): StateFn {
    this.items.push({ type: T.Error, pos: this.start, val: message, line: this.startLine });
    return null;
  }

  atRightDelim(): [boolean, boolean] {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(this.rightDelim, this.pos + 2)) {
      return [true, true];
    }
    return [this.input.startsWith(this.rightDelim, this.pos), false];
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpaceCh(r)) return true;
    switch (r) {
      case EOF:
      case 0x2e:
      case 0x2c:
      case 0x7c:
      case 0x3a:
      case 0x29:
      case 0x28:
        return true;
    }
    return this.input.startsWith(this.rightDelim, this.pos);
  }
}

/** Tokenises a template. */
export function lex(input: string, leftDelim = '{{', rightDelim = '}}'): Item[] {
  return new Lexer(input, leftDelim || '{{', rightDelim || '}}').run();
}
