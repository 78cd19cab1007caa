/**
 * The one logger: JSON lines, levels, child loggers carrying fields, and redaction of every string
 * (message and fields) through a {@link TextRedactor}. Byte arrays are never printed, only their
 * length, so a raw secret value cannot reach a log line even before it is registered.
 */
import type { TextRedactor } from './redactor.js';
import { toLoggable } from './log-value.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured fields attached to a log line. An `err` field is expanded (name, message, reason, cause). */
export type LogFields = Readonly<Record<string, unknown>>;

/** What components depend on (inject it; never construct a logger inside a component). */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
  isEnabled(level: LogLevel): boolean;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Options of {@link JsonLogger}. */
export interface JsonLoggerOptions {
  /** Lowest level written. @default 'info' */
  readonly level?: LogLevel;
  /** Applied to the message and every string field. @default none (use one in production!) */
  readonly redactor?: TextRedactor;
  /** Receives each finished line (without newline). @default writes to stdout */
  readonly sink?: (line: string) => void;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** Fields on every line. @default {} */
  readonly fields?: LogFields;
}

/** Parses a `--loglevel` value; throws naming the accepted values. */
export function parseLogLevel(value: string): LogLevel {
  if (value in RANK) return value as LogLevel;
  throw new Error(`unknown log level "${value}": use one of debug, info, warn, error`);
}

/** See the module comment. */
export class JsonLogger implements Logger {
  private readonly level: LogLevel;
  private readonly sink: (line: string) => void;
  private readonly now: () => Date;
  private readonly fields: LogFields;

  constructor(private readonly options: JsonLoggerOptions = {}) {
    this.level = options.level ?? 'info';
    this.sink = options.sink ?? ((line) => process.stdout.write(`${line}\n`));
    this.now = options.now ?? (() => new Date());
    this.fields = options.fields ?? {};
  }

  debug(message: string, fields?: LogFields): void {
    this.write('debug', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.write('info', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.write('warn', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.write('error', message, fields);
  }

  child(fields: LogFields): Logger {
    return new JsonLogger({ ...this.options, fields: { ...this.fields, ...fields } });
  }

  isEnabled(level: LogLevel): boolean {
    return RANK[level] >= RANK[this.level];
  }

  private write(level: LogLevel, message: string, fields?: LogFields): void {
    if (!this.isEnabled(level)) return;
    const redact = (text: string): string => this.options.redactor?.redact(text) ?? text;
    const line: Record<string, unknown> = { ts: this.now().toISOString(), level, msg: redact(message) };
    for (const [key, value] of Object.entries({ ...this.fields, ...fields })) {
      if (key === 'ts' || key === 'level' || key === 'msg') continue;
      line[key] = toLoggable(value, redact);
    }
    let text: string;
    try {
      text = JSON.stringify(line);
    } catch {
      text = JSON.stringify({
        ts: line.ts,
        level,
        msg: line.msg,
        logError: 'fields could not be serialised',
      });
    }
    this.sink(text);
  }
}

/** A logger that drops everything (default for components built without one). */
export const noopLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => noopLogger,
  isEnabled: () => false,
};
