/**
 * {@link ProviderKubeAccess} over the {@link KubeClient}, with ESO's namespace rules for credential
 * references:
 *
 * - a SecretStore reads only in its own namespace; naming another namespace is an error that says so;
 * - a ClusterSecretStore honours an explicit namespace, and otherwise uses the referent namespace
 *   (the namespace of the ExternalSecret / PushSecret the client serves).
 *
 * Credential Secrets are read live from the API server (as ESO does without `--enable-secrets-caching`),
 * so a fixed credential is picked up by the next client. Errors name `<namespace>/<name>` and the key,
 * never a value; every credential read (and every ServiceAccount token issued) is registered with the
 * redactor, so a backend error that echoes one cannot carry it into a status, Event or log.
 */
import type { KubeClient, SecretObject } from '../kube/kube-port.js';
import { InvalidProviderConfigError } from './errors.js';
import type { ProviderKubeAccess, SecretKeySelector, ServiceAccountSelector } from './provider.js';
import { describeStore, type StoreRef } from './store-ref.js';

/** Issues ServiceAccount tokens (the TokenRequest API, `serviceaccounts/<name>/token`). */
export interface ServiceAccountTokenIssuer {
  createToken(request: {
    readonly namespace: string;
    readonly name: string;
    readonly audiences?: readonly string[];
    readonly expirationSeconds?: number;
  }): Promise<string>;
}

/**
 * A ClusterSecretStore reference has no namespace and there is no referent namespace (the store is
 * being validated on its own). Providers with referent authentication report `Unknown` validation.
 */
export class ReferentNamespaceUnavailableError extends InvalidProviderConfigError {}

/** Builds the access object for one store and referent namespace. */
export type ProviderKubeAccessFactory = (store: StoreRef, referentNamespace: string) => ProviderKubeAccess;

/** Options of {@link KubeProviderAccess}. */
export interface KubeProviderAccessOptions {
  readonly kube: KubeClient;
  readonly store: StoreRef;
  /** Namespace of the object served; '' when validating a ClusterSecretStore. */
  readonly referentNamespace: string;
  /** @default undefined — service-account tokens are then refused with a clear error */
  readonly tokenIssuer?: ServiceAccountTokenIssuer;
  /** Where credential values are registered for redaction. @default not registered */
  readonly secrets?: SecretRegistry;
}

/** What {@link KubeProviderAccess} needs of the redactor. */
export interface SecretRegistry {
  register(value: Uint8Array | string): void;
}

/** Namespace-checked Secret and ServiceAccount access for one store. */
export class KubeProviderAccess implements ProviderKubeAccess {
  constructor(private readonly options: KubeProviderAccessOptions) {}

  async readSecretKey(ref: SecretKeySelector): Promise<Uint8Array> {
    if (!ref.name) {
      throw new InvalidProviderConfigError(
        `a Secret reference in ${this.storeName()} has no name; set the Secret's name`,
      );
    }
    const namespace = this.namespaceFor(ref.namespace, `Secret "${ref.name}"`);
    const where = `Secret "${namespace}/${ref.name}"`;
    if (!ref.key) {
      throw new InvalidProviderConfigError(
        `the reference to ${where} in ${this.storeName()} has no key; set the key to read`,
      );
    }
    const secret = await this.options.kube.get<SecretObject>({
      apiVersion: 'v1',
      kind: 'Secret',
      name: ref.name,
      namespace,
    });
    if (!secret) {
      throw new InvalidProviderConfigError(
        `${where} referenced by ${this.storeName()} was not found; create it or fix the reference`,
      );
    }
    const encoded = secret.data?.[ref.key];
    if (encoded === undefined) {
      throw new InvalidProviderConfigError(
        `${where} referenced by ${this.storeName()} has no key "${ref.key}"; add the key or fix the reference`,
      );
    }
    const value = new Uint8Array(Buffer.from(encoded, 'base64'));
    this.options.secrets?.register(value);
    return value;
  }

  async createServiceAccountToken(
    ref: ServiceAccountSelector,
    options?: { expirationSeconds?: number },
  ): Promise<string> {
    const namespace = this.namespaceFor(ref.namespace, `ServiceAccount "${ref.name}"`);
    if (!this.options.tokenIssuer) {
      throw new InvalidProviderConfigError(
        `${this.storeName()} needs a token for ServiceAccount "${namespace}/${ref.name}" but this operator has no TokenRequest access; ` +
          'use a Secret-based credential',
      );
    }
    const token = await this.options.tokenIssuer.createToken({
      namespace,
      name: ref.name,
      audiences: ref.audiences,
      expirationSeconds: options?.expirationSeconds,
    });
    this.options.secrets?.register(token);
    return token;
  }

  /** Applies the namespace rules to an explicit namespace (possibly absent). */
  private namespaceFor(explicit: string | undefined, what: string): string {
    const { store, referentNamespace } = this.options;
    if (store.kind === 'SecretStore') {
      const own = store.namespace ?? '';
      if (explicit && explicit !== own) {
        throw new InvalidProviderConfigError(
          `${this.storeName()} may not reference ${what} in namespace "${explicit}": a SecretStore can only use objects ` +
            `in its own namespace "${own}"; remove the namespace field or use a ClusterSecretStore`,
        );
      }
      return own;
    }
    const namespace = explicit || referentNamespace;
    if (!namespace) {
      throw new ReferentNamespaceUnavailableError(
        `${this.storeName()} references ${what} without a namespace, so it is resolved in each ExternalSecret's namespace ` +
          'and cannot be checked on its own; set the namespace on the reference to validate it',
      );
    }
    return namespace;
  }

  private storeName(): string {
    return describeStore(this.options.store);
  }
}

/** A {@link ProviderKubeAccessFactory} over one KubeClient. */
export function kubeProviderAccessFactory(
  kube: KubeClient,
  tokenIssuer?: ServiceAccountTokenIssuer,
  secrets?: SecretRegistry,
): ProviderKubeAccessFactory {
  return (store, referentNamespace) =>
    new KubeProviderAccess({ kube, store, referentNamespace, tokenIssuer, secrets });
}
