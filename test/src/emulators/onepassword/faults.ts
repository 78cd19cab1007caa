/**
 * Fault injection for the Connect emulator: answer chosen requests with an error status
 * (401, 403, 404, 429 with `Retry-After`, 5xx), delay them, or put a vault out of the token's scope.
 * Faults apply before authentication, in the order they were added: every matching latency is
 * waited, and the first matching status answers.
 */
import { ConnectError, connectMessages } from './connect-error.js';
import type { ConnectOperation } from './operations.js';

/** What to inject and where. */
export interface FaultSpec {
  /** Operations the fault applies to. @default every `/v1` operation */
  readonly operations?: readonly ConnectOperation[];
  /** Status to answer with; omit for a latency-only fault. */
  readonly status?: number;
  /** Error message. @default Connect's message for the status */
  readonly message?: string;
  /** `Retry-After` header in seconds (sent for any status when set). @default 1 for 429, none otherwise */
  readonly retryAfterSeconds?: number;
  /** Delay before answering, in milliseconds. @default 0 */
  readonly latencyMs?: number;
  /** Number of requests the fault applies to. @default Infinity */
  readonly times?: number;
}

/** A live fault; {@link remove} ends it early. */
export interface Fault {
  /** Requests answered by this fault so far. */
  readonly hits: number;
  remove(): void;
}

interface ActiveFault {
  readonly spec: FaultSpec;
  hits: number;
}

/** The fault registry of one emulator. */
export class FaultInjector {
  #faults: ActiveFault[] = [];
  readonly #deniedVaults = new Set<string>();

  /** Adds a fault. */
  inject(spec: FaultSpec): Fault {
    const active: ActiveFault = { spec, hits: 0 };
    this.#faults.push(active);
    return {
      get hits() {
        return active.hits;
      },
      remove: () => {
        this.#faults = this.#faults.filter((f) => f !== active);
      },
    };
  }

  /** 401 `Invalid token signature`. */
  unauthorized(spec: Omit<FaultSpec, 'status'> = {}): Fault {
    return this.inject({ ...spec, status: 401 });
  }

  /** 429 with `Retry-After: <seconds>`. */
  rateLimit(retryAfterSeconds: number, spec: Omit<FaultSpec, 'status' | 'retryAfterSeconds'> = {}): Fault {
    return this.inject({ ...spec, status: 429, retryAfterSeconds });
  }

  /** A 5xx (default 500). */
  serverError(spec: Omit<FaultSpec, 'status'> & { readonly status?: number } = {}): Fault {
    return this.inject({ ...spec, status: spec.status ?? 500 });
  }

  /** Delays matching requests. */
  latency(latencyMs: number, spec: Omit<FaultSpec, 'latencyMs' | 'status'> = {}): Fault {
    return this.inject({ ...spec, latencyMs });
  }

  /** Takes a vault (by id) out of the token's scope: hidden from lists, 403 on direct access. */
  denyVault(vaultId: string): void {
    this.#deniedVaults.add(vaultId);
  }

  /** Gives a vault back to the token. */
  allowVault(vaultId: string): void {
    this.#deniedVaults.delete(vaultId);
  }

  /** True when the vault is out of scope. */
  isVaultDenied(vaultId: string): boolean {
    return this.#deniedVaults.has(vaultId);
  }

  /** Removes every fault and scope restriction. */
  clear(): void {
    this.#faults = [];
    this.#deniedVaults.clear();
  }

  /**
   * Applies the matching faults to a request: waits their latency, then throws the first status.
   * Called by the server for every `/v1` request.
   */
  async apply(operation: ConnectOperation): Promise<void> {
    for (const active of this.#faults.filter((f) => matches(f, operation))) {
      active.hits += 1;
      const { spec } = active;
      if (spec.latencyMs) await new Promise((resolve) => setTimeout(resolve, spec.latencyMs));
      if (spec.status === undefined) continue;
      const retryAfter = spec.retryAfterSeconds ?? (spec.status === 429 ? 1 : undefined);
      const headers: Record<string, string> =
        retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
      throw new ConnectError(spec.status, spec.message ?? defaultMessage(spec.status), headers);
    }
  }
}

function matches(fault: ActiveFault, operation: ConnectOperation): boolean {
  if (fault.hits >= (fault.spec.times ?? Infinity)) return false;
  return fault.spec.operations === undefined || fault.spec.operations.includes(operation);
}

function defaultMessage(status: number): string {
  switch (status) {
    case 401:
      return connectMessages.invalidToken;
    case 403:
      return 'Authorization: the token is not allowed to perform this request';
    case 404:
      return 'Not Found';
    case 429:
      return 'Too Many Requests: rate limit exceeded';
    case 503:
      return 'Service Unavailable: 1Password Connect is not yet synchronized';
    default:
      return status >= 500 ? 'Internal Server Error' : `Error ${status}`;
  }
}
