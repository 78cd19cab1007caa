/** Shared comparison logic for the differential suites. */
import { TemplateError, compileTemplate } from '@tessera/core';
import type { OracleCase, OracleResult } from './go-oracle.js';

/** What Tessera did with a case. */
export interface Outcome {
  readonly ok: boolean;
  readonly output: Buffer;
  readonly error?: string;
  /** For failures: 'parse' or 'execute', and the Go-style line:column of an execution error. */
  readonly phase?: string;
  readonly where?: string;
}

/** Renders one case with Tessera's engine. */
export function renderWithTessera(c: OracleCase): Outcome {
  try {
    // The oracle receives the data as JSON, so Tessera gets the same JSON round trip (e.g. -0 becomes 0).
    const data: unknown = c.data === undefined ? null : JSON.parse(JSON.stringify(c.data));
    const output = compileTemplate(c.template, {
      name: c.name || 'template',
      now: () => new Date(0),
    }).executeToBuffer(data);
    return { ok: true, output };
  } catch (e) {
    if (!(e instanceof TemplateError))
      return { ok: false, output: Buffer.alloc(0), error: `not a TemplateError: ${String(e)}` };
    const { phase, line, column } = e.details;
    return {
      ok: false,
      output: Buffer.alloc(0),
      error: e.message,
      phase: phase === 'parse' ? 'parse' : 'execute',
      where: `${line}:${column}`,
    };
  }
}

/** Go's error text says whether it failed parsing or executing, and where execution failed. */
function goFailure(error: string): { phase: string; where?: string } {
  const exec = /^template: [^:]*:(\d+:\d+): executing /.exec(error);
  if (exec) return { phase: 'execute', where: exec[1] };
  return { phase: error.startsWith('panic:') ? 'execute' : 'parse' };
}

/** Describes how two outcomes differ, or undefined when they agree. */
export function describeMismatch(
  c: OracleCase,
  go: OracleResult | undefined,
  ts: Outcome,
): string | undefined {
  if (!go) return `${c.id}: the oracle returned no result`;
  if (go.ok && ts.ok && go.output.equals(ts.output)) return undefined;
  if (!go.ok && !ts.ok) {
    const g = goFailure(go.error ?? '');
    if (ts.phase === g.phase && (g.where === undefined || g.where === ts.where)) return undefined;
    return `${c.id}: ${JSON.stringify(c.template)} fails differently\n    go:      ${g.phase} ${g.where ?? ''} ${go.error}\n    tessera: ${ts.phase} ${ts.where ?? ''} ${ts.error}`;
  }
  const show = (o: { ok: boolean; output: Buffer; error?: string }): string =>
    o.ok ? JSON.stringify(o.output.toString('latin1')) : `ERROR ${o.error}`;
  return `${c.id}: ${JSON.stringify(c.template)}\n    go:      ${show(go)}\n    tessera: ${show(ts)}`;
}
