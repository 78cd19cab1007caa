/** Parsing of pipelines, commands and operands (the inside of an action). */
import type { ArgNode, CommandNode, PipeNode, VariableNode } from './ast.js';
import { type Item, T } from './lexer.js';
import { NumberSyntaxError, parseNumber } from './number-literal.js';
import { TokenStream } from './token-stream.js';
import { bytesToUtf8 } from '../text/bytes.js';

/** Parses `$x := cmd arg | cmd …` pipelines. */
export class PipelineParser extends TokenStream {
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
