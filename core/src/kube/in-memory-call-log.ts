/**
 * The call journal of {@link InMemoryKube}: records every API call in order and throws injected
 * faults, so a caller can see what was asked of the API and how it copes when a call fails.
 */
import type { KindRef } from './kube-port.js';

/** The verbs recorded in {@link InMemoryCallLog.calls}. */
export type KubeVerb =
  'get' | 'list' | 'create' | 'update' | 'updateStatus' | 'patch' | 'patchStatus' | 'delete' | 'createToken';

/** One recorded API call. */
export interface RecordedCall {
  readonly verb: KubeVerb;
  readonly kind: string;
  readonly namespace?: string;
  readonly name?: string;
}

/** A fault: the next matching calls throw `error()` instead of running. */
export interface KubeFault {
  /** @default every verb */
  readonly verb?: KubeVerb | readonly KubeVerb[];
  /** @default every kind */
  readonly kind?: string;
  /** @default every name */
  readonly name?: string;
  /** @default every namespace */
  readonly namespace?: string;
  readonly error: () => Error;
  /** How many matching calls fail before the fault is used up. @default 1 */
  readonly times?: number;
}

const WRITE_VERBS: readonly KubeVerb[] = [
  'create',
  'update',
  'updateStatus',
  'patch',
  'patchStatus',
  'delete',
];

/**
 * Recorded calls and pending faults. The journal grows with every call: a long-lived user
 * should {@link InMemoryCallLog.reset} it now and then.
 */
export class InMemoryCallLog {
  /** Every call, in order. */
  readonly calls: RecordedCall[] = [];
  private readonly faults: { fault: KubeFault; remaining: number }[] = [];

  /** Records a call, then throws the first pending fault that matches it (using one of its `times`). */
  enter(verb: KubeVerb, kind: KindRef, name?: string, namespace?: string): void {
    this.calls.push({ verb, kind: kind.kind, name, namespace });
    const index = this.faults.findIndex(({ fault }) => faultMatches(fault, verb, kind.kind, name, namespace));
    if (index < 0) return;
    const entry = this.faults[index];
    entry.remaining--;
    if (entry.remaining <= 0) this.faults.splice(index, 1);
    throw entry.fault.error();
  }

  /** Makes the next matching call(s) fail. Faults are tried in the order they were injected. */
  injectFault(fault: KubeFault): void {
    this.faults.push({ fault, remaining: fault.times ?? 1 });
  }

  /** Recorded writes, optionally of one kind. */
  writes(kind?: string): RecordedCall[] {
    return this.calls.filter(
      (call) => WRITE_VERBS.includes(call.verb) && (kind === undefined || call.kind === kind),
    );
  }

  /** Recorded calls of one verb, optionally of one kind. */
  callsOf(verb: KubeVerb, kind?: string): RecordedCall[] {
    return this.calls.filter((call) => call.verb === verb && (kind === undefined || call.kind === kind));
  }

  /** Forgets recorded calls (pending faults stay). */
  reset(): void {
    this.calls.length = 0;
  }
}

function faultMatches(
  fault: KubeFault,
  verb: KubeVerb,
  kind: string,
  name?: string,
  namespace?: string,
): boolean {
  const verbs =
    fault.verb === undefined ? undefined : typeof fault.verb === 'string' ? [fault.verb] : fault.verb;
  if (verbs && !verbs.includes(verb)) return false;
  if (fault.kind !== undefined && fault.kind !== kind) return false;
  if (fault.name !== undefined && fault.name !== name) return false;
  return fault.namespace === undefined || fault.namespace === namespace;
}
