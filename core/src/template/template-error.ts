import { TesseraError } from '../provider/errors.js';

/** Which stage rejected the template. */
export type TemplateErrorPhase = 'parse' | 'execute' | 'limit';

/** Where and why a template failed. Never holds data values. */
export interface TemplateErrorDetails {
  /** Template name (ESO: the Secret key being rendered). */
  readonly template: string;
  /** 1-based line of the failing action. */
  readonly line: number;
  /** Byte column of the failing node, counted from 0 as Go's text/template reports it. */
  readonly column: number;
  readonly phase: TemplateErrorPhase;
  /** What went wrong, in words that contain no data values. */
  readonly detail: string;
  /** Template source of the failing node (e.g. `<.password | b64dec>`), when executing. */
  readonly context?: string;
  /** The template being executed when it is not the top-level one (a `define`). */
  readonly executing?: string;
}

/**
 * A template could not be parsed or executed, or hit a limit. The message follows Go's
 * text/template layout (`template: name:line:col: …`) so ESO users recognise it, names the
 * template and position, and never contains a data value.
 */
export class TemplateError extends TesseraError {
  readonly reason = 'TemplateError';
  readonly details: TemplateErrorDetails;

  constructor(details: TemplateErrorDetails) {
    super(formatMessage(details));
    this.details = details;
  }
}

function formatMessage(d: TemplateErrorDetails): string {
  const where = `template: ${d.template}:${d.line}:${d.column}`;
  if (d.phase === 'parse') return `${where}: ${d.detail}`;
  const ctx = d.context === undefined ? '' : ` at <${d.context}>`;
  return `${where}: executing "${d.executing ?? d.template}"${ctx}: ${d.detail}`;
}

/** Line (1-based) and Go-style column (0-based bytes) of a byte offset in a source. */
export function positionOf(source: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lastNewline = -1;
  for (let i = source.indexOf('\n'); i >= 0 && i < pos; i = source.indexOf('\n', i + 1)) {
    line++;
    lastNewline = i;
  }
  return { line, column: lastNewline < 0 ? pos : pos - lastNewline - 1 };
}
