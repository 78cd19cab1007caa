/**
 * The fake provider's client, with ESO's fake semantics:
 * - `getSecret`: the entry with exactly this key and version; `property` is a gjson path into its
 *   JSON value; a missing entry or property is `SecretNotFoundError`;
 * - `getSecretMap`: the (property-narrowed) value as a JSON object, flattened: string values
 *   unquoted, others as raw JSON;
 * - `getAllSecrets`: entries whose key matches `name.regexp` (RE2, unanchored), latest version each;
 * - `getSecrets`: a batch in which refs naming the same key and version cost one read;
 * - push / delete / exists over pushed values; store entries cannot be overwritten by a push.
 * Every remote read is reported to `calls.observe`, so tests can count provider reads.
 */
import {
  InvalidProviderConfigError,
  InvalidRequestError,
  NotSupportedError,
  SecretNotFoundError,
  gjsonGet,
  parseRawJson,
  type BatchReadResult,
  type FindQuery,
  type ProviderCallObserver,
  type PushRemoteRef,
  type PushRequest,
  type RemoteRef,
  type SecretsClient,
  type ValidationResult,
} from '@tessera/core';
import { RE2JS } from 're2js';
import type { FakeData, FakeEntry } from './fake-data.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Options of {@link FakeSecretsClient}. */
export interface FakeClientOptions {
  readonly data: FakeData;
  readonly calls: ProviderCallObserver;
  /** `spec.provider.fake.validationResult`: 0 Ready, 1 Unknown, 2 Error. @default 0 */
  readonly validationResult?: number;
}

/** See the module comment. */
export class FakeSecretsClient implements SecretsClient {
  private closed = false;

  constructor(private readonly options: FakeClientOptions) {}

  async getSecret(ref: RemoteRef): Promise<Uint8Array> {
    const entry = this.read(ref.key, ref.version, 'GetSecret');
    return encoder.encode(propertyOf(entry, ref.property));
  }

  async getSecrets(refs: readonly RemoteRef[]): Promise<BatchReadResult[]> {
    const reads = new Map<string, FakeEntry | Error>();
    return refs.map((ref) => {
      const id = JSON.stringify([ref.key, ref.version ?? '']);
      if (!reads.has(id)) {
        try {
          reads.set(id, this.read(ref.key, ref.version, 'GetSecret'));
        } catch (error) {
          reads.set(id, error as Error);
        }
      }
      const entry = reads.get(id) as FakeEntry | Error;
      if (entry instanceof Error) return { error: entry };
      try {
        return { value: encoder.encode(propertyOf(entry, ref.property)) };
      } catch (error) {
        return { error: error as Error };
      }
    });
  }

  async getSecretMap(ref: RemoteRef): Promise<Record<string, Uint8Array>> {
    const entry = this.read(ref.key, ref.version, 'GetSecretMap');
    const text = propertyOf(entry, ref.property);
    const node = parseRawJson(text);
    if (node?.kind !== 'object') {
      throw new InvalidRequestError(
        `fake secret "${ref.key}" is not a JSON object, so it cannot be extracted into keys; use data[] instead`,
      );
    }
    const map: Record<string, Uint8Array> = {};
    for (const { key, value } of node.entries)
      map[key] = encoder.encode(value.kind === 'string' ? value.value : value.raw);
    return map;
  }

  async getAllSecrets(find: FindQuery): Promise<Record<string, Uint8Array>> {
    this.assertOpen();
    if (find.tags && Object.keys(find.tags).length > 0) {
      throw new NotSupportedError('the fake provider cannot find secrets by tags; use find.name.regexp');
    }
    if (!find.name?.regexp && find.name?.regexp !== '') {
      throw new NotSupportedError('the fake provider finds secrets by name only; set find.name.regexp');
    }
    const matcher = compile(find.name.regexp);
    const latest = new Map<string, FakeEntry>();
    for (const entry of this.options.data.all()) {
      if (!matcher.test(entry.key)) continue;
      const current = latest.get(entry.key);
      if (!current || current.version < entry.version) latest.set(entry.key, entry);
    }
    this.observe('GetAllSecrets', 'success');
    return Object.fromEntries([...latest].map(([key, entry]) => [key, encoder.encode(entry.value)]));
  }

  async pushSecret(request: PushRequest): Promise<void> {
    this.assertOpen();
    const { remoteKey, property } = request.remote;
    const existing = this.options.data.find(remoteKey);
    if (existing?.origin === 'store') {
      this.observe('PushSecret', 'error');
      throw new InvalidRequestError(
        `fake secret "${remoteKey}" comes from the store spec and cannot be overwritten by a push; push to another key`,
      );
    }
    const value = decoder.decode(request.value);
    this.options.data.push(remoteKey, property ? withProperty(existing?.value, property, value) : value);
    this.observe('PushSecret', 'success');
  }

  async deleteSecret(remote: PushRemoteRef): Promise<void> {
    this.assertOpen();
    const existing = this.options.data.find(remote.remoteKey);
    this.observe('DeleteSecret', 'success');
    if (existing?.origin !== 'push') return;
    if (!remote.property) return this.options.data.unpush(remote.remoteKey);
    const remaining = withoutProperty(existing.value, remote.property);
    if (remaining === undefined) this.options.data.unpush(remote.remoteKey);
    else this.options.data.push(remote.remoteKey, remaining);
  }

  async secretExists(remote: PushRemoteRef): Promise<boolean> {
    this.assertOpen();
    const entry = this.options.data.find(remote.remoteKey);
    this.observe('SecretExists', 'success');
    if (!entry) return false;
    return !remote.property || gjsonGet(entry.value, remote.property).exists;
  }

  async validate(): Promise<ValidationResult> {
    this.assertOpen();
    const result = this.options.validationResult ?? 0;
    if (result === 1) return 'Unknown';
    if (result === 2) {
      throw new InvalidProviderConfigError(
        'the fake provider was told to fail validation (spec.provider.fake.validationResult: 2); set it to 0',
      );
    }
    return 'Ready';
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Looks an entry up, counting the read. */
  private read(key: string, version: string | undefined, operation: string): FakeEntry {
    this.assertOpen();
    const entry = this.options.data.find(key, version ?? '');
    if (!entry) {
      this.observe(operation, 'not_found');
      const at = version ? ` at version "${version}"` : '';
      throw new SecretNotFoundError(
        `fake secret "${key}"${at} does not exist in the store's spec.provider.fake.data`,
      );
    }
    this.observe(operation, 'success');
    return entry;
  }

  private observe(operation: string, outcome: 'success' | 'not_found' | 'error'): void {
    this.options.calls.observe({ operation, outcome, seconds: 0 });
  }

  private assertOpen(): void {
    if (this.closed)
      throw new Error('this fake provider client was closed; the core must not use a closed client');
  }
}

function propertyOf(entry: FakeEntry, property: string | undefined): string {
  if (!property) return entry.value;
  const result = gjsonGet(entry.value, property);
  if (!result.exists)
    throw new SecretNotFoundError(`fake secret "${entry.key}" has no property "${property}"`);
  return result.text;
}

function withProperty(current: string | undefined, property: string, value: string): string {
  const node = current === undefined ? undefined : parseRawJson(current);
  const object: Record<string, unknown> = {};
  if (node?.kind === 'object')
    for (const entry of node.entries) object[entry.key] = JSON.parse(entry.value.raw) as unknown;
  object[property] = value;
  return JSON.stringify(object);
}

function withoutProperty(current: string, property: string): string | undefined {
  const node = parseRawJson(current);
  if (node?.kind !== 'object') return current;
  const remaining = node.entries.filter((entry) => entry.key !== property);
  if (remaining.length === 0) return undefined;
  return JSON.stringify(
    Object.fromEntries(remaining.map((entry) => [entry.key, JSON.parse(entry.value.raw) as unknown])),
  );
}

function compile(expression: string): RE2JS {
  try {
    return RE2JS.compile(expression);
  } catch (error) {
    throw new InvalidRequestError(`find.name.regexp "${expression}" is not a valid RE2 regular expression`, {
      cause: error,
    });
  }
}
