/** Execution of statement nodes: text, actions, if/with/range, template calls, break/continue. */
import type { BranchNode, Node, TemplateNode } from '../parse/ast.js';
import { sprint } from '../fmt/printer.js';
import { GoInt, GoMap, GoSlice, type GoValue, isTrue, typeOf } from '../value/go-value.js';
import { evalPipeline } from './evaluate.js';
import { ExecState } from './state.js';

/** Result of walking a node: carry on, or unwind to the enclosing range. */
export const enum Flow {
  Normal,
  Break,
  Continue,
}

/** Executes a node, writing output through the state. */
export function walk(s: ExecState, dot: GoValue, node: Node): Flow {
  s.at(node);
  s.step();
  switch (node.kind) {
    case 'action': {
      const val = evalPipeline(s, dot, node.pipe);
      if (node.pipe.decl.length === 0) {
        s.at(node);
        s.write(typeof val === 'string' ? val : val === null ? '<no value>' : sprint([val]));
      }
      return Flow.Normal;
    }
    case 'break':
      return Flow.Break;
    case 'continue':
      return Flow.Continue;
    case 'comment':
      return Flow.Normal;
    case 'if':
    case 'with':
      return walkIfOrWith(s, dot, node);
    case 'list':
      for (const n of node.nodes) {
        const flow = walk(s, dot, n);
        if (flow !== Flow.Normal) return flow;
      }
      return Flow.Normal;
    case 'range':
      return walkRange(s, dot, node);
    case 'template':
      return walkTemplate(s, dot, node);
    case 'text':
      s.write(node.text);
      return Flow.Normal;
  }
}

function walkIfOrWith(s: ExecState, dot: GoValue, node: BranchNode): Flow {
  const mark = s.mark();
  try {
    const val = evalPipeline(s, dot, node.pipe);
    if (isTrue(val)) {
      if (node.kind !== 'with') return walk(s, dot, node.list);
      const outer = s.dotTypedNil;
      s.dotTypedNil = false;
      try {
        return walk(s, val, node.list);
      } finally {
        s.dotTypedNil = outer;
      }
    }
    if (node.elseList) return walk(s, dot, node.elseList);
    return Flow.Normal;
  } finally {
    s.pop(mark);
  }
}

function rangeItems(s: ExecState, node: BranchNode, val: GoValue): Array<[GoValue, GoValue]> | null {
  if (val instanceof GoSlice) return val.items.map((v, i) => [new GoInt('int', BigInt(i)), v]);
  if (val instanceof GoMap) return val.sortedKeys().map((k) => [k, val.entries.get(k) ?? null]);
  if (val === null) return null;
  if (val instanceof GoInt) {
    // Go 1.22+ (which ESO is built with) ranges over an integer's values 0..n-1.
    if (node.pipe.decl.length > 1)
      s.fail(`can't use a value of type ${val.type} to iterate over more than one variable`);
    const n = Number(val.value);
    if (n > s.shared.limits.maxSteps) s.fail(`range over ${n} values exceeds the step limit`, 'limit');
    const out: Array<[GoValue, GoValue]> = [];
    for (let i = 0; i < n; i++) out.push([new GoInt(val.type, BigInt(i)), new GoInt(val.type, BigInt(i))]);
    return out;
  }
  return s.fail(`range can't iterate over a value of type ${typeOf(val)}`);
}

function walkRange(s: ExecState, dot: GoValue, node: BranchNode): Flow {
  s.at(node);
  const outer = s.mark();
  try {
    const val = evalPipeline(s, dot, node.pipe);
    const mark = s.mark();
    const items = rangeItems(s, node, val);
    if (items && items.length > 0) {
      const typedNil = (val instanceof GoSlice || val instanceof GoMap) && val.elemType === 'interface {}';
      const outerDotTypedNil = s.dotTypedNil;
      for (const [index, elem] of items) {
        s.step();
        if (node.pipe.decl.length > 0) s.setTopVar(1, elem, typedNil && elem === null);
        if (node.pipe.decl.length > 1) s.setTopVar(2, index);
        s.dotTypedNil = typedNil && elem === null;
        const flow = walk(s, elem, node.list);
        s.dotTypedNil = outerDotTypedNil;
        s.pop(mark);
        if (flow === Flow.Break) break;
      }
      return Flow.Normal;
    }
    if (node.elseList) return walk(s, dot, node.elseList);
    return Flow.Normal;
  } finally {
    s.pop(outer);
  }
}

function walkTemplate(s: ExecState, dot: GoValue, node: TemplateNode): Flow {
  s.at(node);
  const tree = s.shared.trees.get(node.name);
  if (!tree) s.fail(`template "${node.name}" not defined`);
  if (s.depth >= s.shared.limits.maxDepth) {
    s.fail(
      `exceeded maximum template depth (${s.shared.limits.maxDepth}); ` +
        `a template may call itself without end, or raise ${s.shared.limitNames.maxDepth}`,
      'limit',
    );
  }
  const newDot = evalPipeline(s, dot, node.pipe);
  const inner = new ExecState(s.shared, tree, newDot, s.depth + 1);
  walk(inner, newDot, tree.root);
  return Flow.Normal;
}
