/** Resource limits that keep a hostile or mistaken template from hanging or exhausting the operator. */
export interface TemplateLimits {
  /**
   * Largest output, and largest single string or list a function may build, in bytes or items.
   * @default 1048576 (1 MiB, the Kubernetes Secret size limit)
   */
  readonly maxOutputBytes?: number;
  /**
   * Evaluation steps (nodes walked, commands evaluated, functions called, loop iterations).
   * @default 1000000
   */
  readonly maxSteps?: number;
  /**
   * Deepest nesting of blocks and parentheses when parsing, and of `template` calls when executing.
   * Go allows 100000 template calls; templates in Secrets need far fewer.
   * @default 100
   */
  readonly maxDepth?: number;
}

/**
 * What an error message tells the user to raise for each limit, e.g. the operator flag that sets
 * it. @default `limits.maxOutputBytes`, `limits.maxSteps`, `limits.maxDepth` (the API option names)
 */
export type TemplateLimitNames = Readonly<Partial<Record<keyof TemplateLimits, string>>>;

/** Limit names with every field filled in. */
export type ResolvedLimitNames = Readonly<Record<keyof TemplateLimits, string>>;

/** The names used when a caller gives none. */
export const DEFAULT_LIMIT_NAMES: ResolvedLimitNames = Object.freeze({
  maxOutputBytes: 'limits.maxOutputBytes',
  maxSteps: 'limits.maxSteps',
  maxDepth: 'limits.maxDepth',
});

/** Fills in default names. */
export function resolveLimitNames(names?: TemplateLimitNames): ResolvedLimitNames {
  return { ...DEFAULT_LIMIT_NAMES, ...Object.fromEntries(Object.entries(names ?? {}).filter(([, v]) => v)) };
}

/** Limits with every field filled in. */
export type ResolvedLimits = Required<TemplateLimits>;

/** The defaults applied when a limit is not given. */
export const DEFAULT_TEMPLATE_LIMITS: ResolvedLimits = Object.freeze({
  maxOutputBytes: 1024 * 1024,
  maxSteps: 1_000_000,
  maxDepth: 100,
});

/** Fills in defaults and rejects nonsensical values. */
export function resolveLimits(limits?: TemplateLimits): ResolvedLimits {
  const out = { ...DEFAULT_TEMPLATE_LIMITS, ...stripUndefined(limits ?? {}) };
  for (const [k, v] of Object.entries(out)) {
    if (!Number.isInteger(v) || v <= 0)
      throw new RangeError(`template limit ${k} must be a positive integer`);
  }
  return out;
}

function stripUndefined(o: TemplateLimits): TemplateLimits {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Thrown inside the engine when a limit is hit; the evaluator adds the position. */
export class LimitExceeded extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}
