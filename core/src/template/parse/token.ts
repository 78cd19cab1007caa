/** Token kinds, keywords and character classes of the Go template lexer. */
import { isDigit, isLetter } from '../text/unicode.js';

/** Token kinds. */
export const enum T {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

/** One token: kind, byte offset, text and line. */
export interface Item {
  readonly type: T;
  readonly pos: number;
  readonly val: string;
  readonly line: number;
}

/** Keyword tokens by spelling. */
export const KEYWORDS: Record<string, T> = {
  '.': T.Dot,
  block: T.Block,
  break: T.Break,
  continue: T.Continue,
  define: T.Define,
  else: T.Else,
  end: T.End,
  if: T.If,
  range: T.Range,
  nil: T.Nil,
  template: T.Template,
  with: T.With,
};

/** End of input, as the lexer's next() reports it. */
export const EOF = -1;
/** Go's white space in actions. */
export const SPACE = ' \t\r\n';

/** Lexer helper. */
export function isSpaceCh(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

/** Lexer helper. */
export function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || isLetter(r) || isDigit(r);
}

/** Lexer helper. */
export function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && s[at] === '-' && isSpaceCh(s.charCodeAt(at + 1));
}

/** Lexer helper. */
export function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && isSpaceCh(s.charCodeAt(at)) && s[at + 1] === '-';
}

/** Lexer helper. */
export function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
