/** How template functions are declared: Go parameter types plus an implementation. */
import {
  DEFAULT_LIMIT_NAMES,
  LimitExceeded,
  type ResolvedLimitNames,
  type ResolvedLimits,
} from '../limits.js';
import type { GoValue } from '../value/go-value.js';

/** What a function may use from the running template. */
export interface CallContext {
  readonly limits: ResolvedLimits;
  /** Throws when a value of `size` bytes or items would exceed the limit. Call before allocating. */
  checkSize(size: number): void;
  /** The clock used by `now` and date functions. */
  now(): Date;
}

/**
 * A function callable from a template. Parameter types are Go type names (`string`, `int`,
 * `float64`, `bool`, `interface {}`, `[]interface {}`, `map[string]interface {}`, …): arguments
 * are checked and converted exactly as text/template does for a Go function of that signature.
 */
export interface FuncSpec {
  readonly params: readonly string[];
  /** Element type of a trailing variadic parameter. */
  readonly variadic?: string;
  readonly call: (args: GoValue[], ctx: CallContext) => GoValue;
}

/**
 * An error a function returns (Go's `(T, error)` result). The message must never contain a data
 * value: say what kind of input was wrong, not what it was.
 */
export class FuncError extends Error {}

/** Declares a fixed-arity function. */
export function fn(
  params: readonly string[],
  call: (args: GoValue[], ctx: CallContext) => GoValue,
): FuncSpec {
  return { params, call };
}

/** Declares a variadic function: `fixed` parameters then any number of `variadic`. */
export function variadicFn(
  fixed: readonly string[],
  variadic: string,
  call: (args: GoValue[], ctx: CallContext) => GoValue,
): FuncSpec {
  return { params: fixed, variadic, call };
}

/** Registry of named functions. */
export type FuncMap = ReadonlyMap<string, FuncSpec>;

/** Makes a CallContext over limits; `names` say what a limit error tells the user to raise. */
export function makeCallContext(
  limits: ResolvedLimits,
  now: () => Date,
  names: ResolvedLimitNames = DEFAULT_LIMIT_NAMES,
): CallContext {
  return {
    limits,
    now,
    checkSize(size: number): void {
      if (size > limits.maxOutputBytes) {
        throw new LimitExceeded(
          `a value of ${size} bytes or items exceeds the ${limits.maxOutputBytes}-byte limit; ` +
            `reduce the size or raise ${names.maxOutputBytes}`,
        );
      }
    },
  };
}
