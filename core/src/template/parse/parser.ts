/**
 * Parser for Go text/template (text/template/parse/parse.go semantics). Builds the set of named
 * trees a source defines (`define`, `block` and the top-level template).
 */
import { bytesToUtf8 } from '../text/bytes.js';
import type { BranchNode, ListNode, Node, PipeNode, TemplateNode, Tree } from './ast.js';
import { type Item, T, lex } from './lexer.js';
import { PipelineParser } from './pipeline-parser.js';

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
  /** What the depth error tells the user to raise. @default 'limits.maxDepth' */
  readonly maxDepthName?: string;
  /** Template name as shown in errors (JS string). */
  readonly displayName: string;
}

/** The {{end}} or {{else}} that closes a list. */
export type Marker = { kind: 'end' | 'else'; pos: number; line: number };

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

class Parser extends PipelineParser {
  add(tree: Tree): void {
    const existing = this.treeSet.get(tree.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.treeSet.set(tree.name, tree);
      return;
    }
    if (!isEmptyTree(tree.root))
      this.fail(`template: multiple definition of template "${bytesToUtf8(tree.name)}"`);
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
}
