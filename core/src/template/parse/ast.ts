/** Parse tree of a Go text/template, mirroring text/template/parse's node kinds. */
import type { NumberValue } from './number-literal.js';
import { quote } from '../text/quote.js';

interface Base {
  /** Byte offset in the source. */
  readonly pos: number;
}

export interface ListNode extends Base {
  readonly kind: 'list';
  readonly nodes: Node[];
}
export interface TextNode extends Base {
  readonly kind: 'text';
  readonly text: string;
}
export interface CommentNode extends Base {
  readonly kind: 'comment';
}
export interface ActionNode extends Base {
  readonly kind: 'action';
  readonly pipe: PipeNode;
}
export interface BranchNode extends Base {
  readonly kind: 'if' | 'range' | 'with';
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
}
export interface TemplateNode extends Base {
  readonly kind: 'template';
  readonly name: string;
  readonly pipe: PipeNode | null;
}
export interface BreakNode extends Base {
  readonly kind: 'break' | 'continue';
}
/** Statement-level nodes. */
export type Node = ListNode | TextNode | CommentNode | ActionNode | BranchNode | TemplateNode | BreakNode;

export interface PipeNode extends Base {
  readonly kind: 'pipe';
  isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}
export interface CommandNode extends Base {
  readonly kind: 'command';
  readonly args: ArgNode[];
}
export interface FieldNode extends Base {
  readonly kind: 'field';
  readonly ident: string[];
}
export interface VariableNode extends Base {
  readonly kind: 'variable';
  readonly ident: string[];
}
export interface ChainNode extends Base {
  readonly kind: 'chain';
  readonly node: ArgNode;
  readonly field: string[];
}
export interface IdentifierNode extends Base {
  readonly kind: 'identifier';
  readonly name: string;
}
export interface DotNode extends Base {
  readonly kind: 'dot';
}
export interface NilNode extends Base {
  readonly kind: 'nil';
}
export interface BoolNode extends Base {
  readonly kind: 'bool';
  readonly value: boolean;
}
export interface NumberNode extends Base, NumberValue {
  readonly kind: 'number';
  readonly text: string;
}
export interface StringNode extends Base {
  readonly kind: 'string';
  readonly quoted: string;
  readonly text: string;
}
/** Operands of a command. */
export type ArgNode =
  | FieldNode
  | VariableNode
  | ChainNode
  | IdentifierNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;

/** A parsed template: its name, body and the source it came from (for error positions). */
export interface Tree {
  name: string;
  root: ListNode;
  readonly source: string;
}

/** Renders an operand or pipeline back to template syntax, for error context. */
export function nodeString(n: ArgNode | CommandNode): string {
  switch (n.kind) {
    case 'field':
      return '.' + n.ident.join('.');
    case 'variable':
      return n.ident.join('.');
    case 'chain': {
      const inner = n.node.kind === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node);
      return inner + '.' + n.field.join('.');
    }
    case 'identifier':
      return n.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'command':
      return n.args.map((a) => (a.kind === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'pipe': {
      const decl = n.decl.length
        ? n.decl.map((d) => d.ident[0]).join(', ') + (n.isAssign ? ' = ' : ' := ')
        : '';
      return decl + n.cmds.map((c) => nodeString(c)).join(' | ');
    }
  }
}

/** Source-like text of a statement node for error context. */
export function statementString(n: Node): string {
  switch (n.kind) {
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.kind} ${nodeString(n.pipe)}}}`;
    case 'template':
      return `{{template ${quote(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
    case 'break':
    case 'continue':
      return `{{${n.kind}}}`;
    case 'text':
      return 'text';
    default:
      return '';
  }
}
