/** Token access for the parser: lookahead, backup, expectations and positioned parse errors. */
import { TemplateError, positionOf } from '../template-error.js';
import { bytesToUtf8 } from '../text/bytes.js';
import { SyntaxError_, unquote } from '../text/quote.js';
import { type Item, T } from './lexer.js';
import type { Tree } from './ast.js';
import type { ParseOptions } from './parser.js';

/** The token cursor and error helpers the parser builds on. */
export class TokenStream {
  protected idx = 0;
  protected vars: string[] = ['$'];
  protected rangeDepth = 0;
  protected depth = 0;
  protected token: Item;

  constructor(
    protected readonly source: string,
    protected readonly items: Item[],
    protected readonly opts: ParseOptions,
    protected readonly treeSet: Map<string, Tree>,
  ) {
    this.token = items[0];
  }

  fail(detail: string, pos = this.token.pos): never {
    const { line, column } = positionOf(this.source, pos);
    throw new TemplateError({ template: this.opts.displayName, line, column, phase: 'parse', detail });
  }

  next(): Item {
    this.token = this.items[Math.min(this.idx, this.items.length - 1)];
    this.idx++;
    return this.token;
  }
  backup(n = 1): void {
    this.idx -= n;
  }
  peek(): Item {
    return this.items[Math.min(this.idx, this.items.length - 1)];
  }
  nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.type === T.Space);
    return t;
  }
  peekNonSpace(): Item {
    const save = this.idx;
    const t = this.nextNonSpace();
    this.idx = save;
    return t;
  }
  expect(type: T, context: string): Item {
    const t = this.nextNonSpace();
    if (t.type !== type) this.unexpected(t, context);
    return t;
  }
  unexpected(t: Item, context: string): never {
    if (t.type === T.Error) this.fail(t.val, t.pos);
    const what =
      t.type === T.EOF ? 'EOF' : t.type === T.RightDelim ? '"}}"' : JSON.stringify(bytesToUtf8(t.val));
    this.fail(`unexpected ${what} in ${context}`, t.pos);
  }

  enter(pos: number): void {
    if (++this.depth > this.opts.maxDepth) {
      this.fail(
        `template nesting deeper than the limit of ${this.opts.maxDepth}; flatten the template or raise ${this.opts.maxDepthName ?? 'limits.maxDepth'}`,
        pos,
      );
    }
  }

  unquoteOrFail(t: Item): string {
    try {
      return unquote(t.val);
    } catch (e) {
      if (e instanceof SyntaxError_) this.fail('invalid syntax in quoted string', t.pos);
      throw e;
    }
  }
}
