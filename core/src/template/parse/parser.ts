/**
 * Parser for Go text/template (text/template/parse/parse.go semantics). Builds the set of named
 * trees a source defines (`define`, `block` and the top-level template).
 */
import { TemplateError, positionOf } from '../template-error.js';
import { bytesToUtf8 } from '../text/bytes.js';
import { SyntaxError_, unquote } from '../text/quote.js';
import type {
  ArgNode,
  BranchNode,
  CommandNode,
  ListNode,
  Node,
  PipeNode,
  TemplateNode,
  Tree,
  VariableNode,
} from './ast.js';
import { type Item, T, lex } from './lexer.js';
import { NumberSyntaxError, parseNumber } from './number-literal.js';

/** What the parser needs to know about its surroundings. */
export interface ParseOptions {
  /** Name of the top-level template (JS string). */
  readonly name: string;
  readonly leftDelim?: string;
  readonly rightDelim?: string;
  /** Whether an identifier names a callable function. */
  readonly hasFunction: (name: string) => boolean;
  /** Message for an identifier that is not a function (names it). */
  readonly unknownFunction: (name: string) => string;
  /** Deepest nesting of blocks and parentheses accepted. */
  readonly maxDepth: number;
  /** Template name as shown in errors (JS string). */
  readonly displayName: string;
}

type Marker = { kind: 'end' | 'else'; pos: number; line: number };

/** Parses a byte-string source into its named trees. Throws TemplateError (phase parse). */
export function parseTemplate(source: string, opts: ParseOptions): Map<string, Tree> {
  const items = lex(source, opts.leftDelim, opts.rightDelim);
  const treeSet = new Map<string, Tree>();
  const p = new Parser(source, items, opts, treeSet);
  const root = p.parseTop();
  p.add({ name: opts.name, root, source });
  return treeSet;
}

/** IsEmptyTree: only whitespace text and comments. */
export function isEmptyTree(n: Node): boolean {
  switch (n.kind) {
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'comment':
      return true;
    case 'text':
      return n.text.trim() === '';
    default:
      return false;
  }
}

class Parser {
  private idx = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private depth = 0;
  private token: Item;

  constructor(
    private readonly source: string,
    private readonly items: Item[],
    private readonly opts: ParseOptions,
    private readonly treeSet: Map<string, Tree>,
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
    const what = t.type === T.EOF ? 'EOF' : t.type === T.RightDelim ? '"}}"' : JSON.stringify(bytesToUtf8(t.val));
    this.fail(`unexpected ${what} in ${context}`, t.pos);
  }

  enter(pos: number): void {
    if (++this.depth > this.opts.maxDepth) {
      this.fail(`template nesting deeper than the limit of ${this.opts.maxDepth}; flatten the template or raise limits.maxDepth`, pos);
    }
  }

  add(tree: Tree): void {
    const existing = this.treeSet.get(tree.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.treeSet.set(tree.name, tree);
      return;
    }
    if (!isEmptyTree(tree.root)) this.fail(`template: multiple definition of template "${bytesToUtf8(tree.name)}"`);
  }

  parseTop(): ListNode {
    const root: ListNode = { kind: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== T.EOF) {
      if (this.peek().type === T.LeftDelim) {
        const save = this.idx;
        this.next();
        if (this.nextNonSpace().type === T.Define) {
          this.parseDefinition();
          continue;
        }
        this.idx = save;
      }
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') this.fail(`unexpected {{${n.kind}}}`, n.pos);
      root.nodes.push(n as Node);
    }
    return root;
  }

  parseDefinition(): void {
    const context = 'define clause';
    const nameTok = this.nextNonSpace();
    if (nameTok.type !== T.String && nameTok.type !== T.RawString) this.unexpected(nameTok, context);
    const name = this.unquoteOrFail(nameTok);
    this.expect(T.RightDelim, context);
    const savedVars = this.vars;
    this.vars = ['$'];
    const [root, end] = this.itemList();
    this.vars = savedVars;
    if (end.kind !== 'end') this.fail(`unexpected {{${end.kind}}} in ${context}`, end.pos);
    this.add({ name, root, source: this.source });
  }

  unquoteOrFail(t: Item): string {
    try {
      return unquote(t.val);
    } catch (e) {
      if (e instanceof SyntaxError_) this.fail('invalid syntax in quoted string', t.pos);
      throw e;
    }
  }

  itemList(): [ListNode, Marker] {
    const list: ListNode = { kind: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== T.EOF) {
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') return [list, n as Marker];
      list.nodes.push(n as Node);
    }
    return this.fail('unexpected EOF');
  }

  textOrAction(): Node | Marker {
    const t = this.nextNonSpace();
    switch (t.type) {
      case T.Text:
        return { kind: 'text', pos: t.pos, text: t.val };
      case T.LeftDelim:
        return this.action();
      default:
        return this.unexpected(t, 'input');
    }
  }

  action(): Node | Marker {
    const t = this.nextNonSpace();
    switch (t.type) {
      case T.Block:
        return this.blockControl();
      case T.Break:
      case T.Continue:
        return this.loopControl(t);
      case T.Else:
        return this.elseControl();
      case T.End:
        return { kind: 'end', pos: this.expect(T.RightDelim, 'end').pos, line: t.line };
      case T.If:
        return this.branch('if');
      case T.Range:
        return this.branch('range');
      case T.Template:
        return this.templateControl();
      case T.With:
        return this.branch('with');
    }
    this.backup();
    const pos = this.peek().pos;
    return { kind: 'action', pos, pipe: this.pipeline('command', T.RightDelim) };
  }

  loopControl(t: Item): Node {
    const word = t.type === T.Break ? 'break' : 'continue';
    const next = this.nextNonSpace();
    if (next.type !== T.RightDelim) this.unexpected(next, `{{${word}}}`);
    if (this.rangeDepth === 0) this.fail(`{{${word}}} outside {{range}}`, t.pos);
    return { kind: word, pos: t.pos };
  }

  elseControl(): Marker {
    const peek = this.peekNonSpace();
    if (peek.type === T.If || peek.type === T.With) return { kind: 'else', pos: peek.pos, line: peek.line };
    const t = this.expect(T.RightDelim, 'else');
    return { kind: 'else', pos: t.pos, line: t.line };
  }

  branch(kind: 'if' | 'range' | 'with'): BranchNode {
    this.enter(this.token.pos);
    const mark = this.vars.length;
    const pipe = this.pipeline(kind, T.RightDelim);
    if (kind === 'range') this.rangeDepth++;
    const [list, next] = this.itemList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: ListNode | null = null;
    if (next.kind === 'else') {
      const chained = this.peekNonSpace();
      if ((kind === 'if' && chained.type === T.If) || (kind === 'with' && chained.type === T.With)) {
        this.nextNonSpace();
        elseList = { kind: 'list', pos: next.pos, nodes: [this.branch(kind)] };
      } else {
        let end: Marker;
        [elseList, end] = this.itemList();
        if (end.kind !== 'end') this.fail(`expected end; found {{${end.kind}}}`, end.pos);
      }
    }
    this.vars.length = mark;
    this.depth--;
    return { kind, pos: pipe.pos, pipe, list, elseList };
  }

  blockControl(): TemplateNode {
    const context = 'block clause';
    const t = this.nextNonSpace();
    if (t.type !== T.String && t.type !== T.RawString) this.unexpected(t, context);
    const name = this.unquoteOrFail(t);
    const pipe = this.pipeline(context, T.RightDelim);
    const savedVars = this.vars;
    const savedRange = this.rangeDepth;
    this.vars = ['$'];
    this.rangeDepth = 0;
    const [root, end] = this.itemList();
    this.vars = savedVars;
    this.rangeDepth = savedRange;
    if (end.kind !== 'end') this.fail(`unexpected {{${end.kind}}} in ${context}`, end.pos);
    this.add({ name, root, source: this.source });
    return { kind: 'template', pos: t.pos, name, pipe };
  }

  templateControl(): TemplateNode {
    const context = 'template clause';
    const t = this.nextNonSpace();
    if (t.type !== T.String && t.type !== T.RawString) this.unexpected(t, context);
    const name = this.unquoteOrFail(t);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().type !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return { kind: 'template', pos: t.pos, name, pipe };
  }

  pipeline(context: string, end: T): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = { kind: 'pipe', pos: start.pos, isAssign: false, decl: [], cmds: [] };
    this.declarations(pipe, context);
    for (;;) {
      const t = this.nextNonSpace();
      if (t.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.type) {
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  /** Leading `$x :=`, `$x =` or (range) `$i, $v :=`. */
  declarations(pipe: PipeNode, context: string): void {
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== T.Variable) return;
      const save = this.idx;
      this.nextNonSpace();
      const next = this.peekNonSpace();
      if (next.type === T.Assign || next.type === T.Declare) {
        pipe.isAssign = next.type === T.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.variable(v.pos, v.val));
        this.vars.push(v.val);
        return;
      }
      if (next.type === T.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.variable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === T.Variable || after === T.RightDelim || after === T.RightParen) continue;
          this.fail('range can only initialize variables');
        }
        this.fail(`too many declarations in ${context}`);
      }
      this.idx = save;
      return;
    }
  }

  variable(pos: number, val: string): VariableNode {
    return { kind: 'variable', pos, ident: val.split('.') };
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.fail(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const k = c.args[0].kind;
      if (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string') {
        this.fail(`non executable command in pipeline stage ${i + 2}`, c.pos);
      }
    });
  }

  command(): CommandNode {
    const cmd: CommandNode = { kind: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.type === T.Space) continue;
      if (t.type === T.RightDelim || t.type === T.RightParen) this.backup();
      else if (t.type !== T.Pipe) this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.fail('empty command');
    return cmd;
  }

  operand(): ArgNode | null {
    const node = this.term();
    if (!node || this.peek().type !== T.Field) return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === T.Field) fields.push(...this.next().val.slice(1).split('.'));
    switch (node.kind) {
      case 'field':
        return { kind: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { kind: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.fail('unexpected . after term');
      default:
        return { kind: 'chain', pos, node, field: fields };
    }
  }

  term(): ArgNode | null {
    const t = this.nextNonSpace();
    switch (t.type) {
      case T.Identifier:
        if (!this.opts.hasFunction(t.val)) this.fail(this.opts.unknownFunction(t.val), t.pos);
        return { kind: 'identifier', pos: t.pos, name: t.val };
      case T.Dot:
        return { kind: 'dot', pos: t.pos };
      case T.Nil:
        return { kind: 'nil', pos: t.pos };
      case T.Variable:
        return this.useVar(t);
      case T.Field:
        return { kind: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case T.Bool:
        return { kind: 'bool', pos: t.pos, value: t.val === 'true' };
      case T.CharConstant:
      case T.Complex:
      case T.Number:
        try {
          const n = parseNumber(t.val, t.type === T.CharConstant, t.type === T.Complex);
          return { kind: 'number', pos: t.pos, text: t.val, ...n };
        } catch (e) {
          if (e instanceof NumberSyntaxError) this.fail(e.message, t.pos);
          throw e;
        }
      case T.LeftParen: {
        this.enter(t.pos);
        const pipe = this.pipeline('parenthesized pipeline', T.RightParen);
        this.depth--;
        return pipe;
      }
      case T.String:
      case T.RawString:
        return { kind: 'string', pos: t.pos, quoted: t.val, text: this.unquoteOrFail(t) };
    }
    this.backup();
    return null;
  }

  useVar(t: Item): ArgNode {
    const v = this.variable(t.pos, t.val);
    if (!this.vars.includes(v.ident[0])) this.fail(`undefined variable "${bytesToUtf8(v.ident[0])}"`, t.pos);
    return v;
  }
}
