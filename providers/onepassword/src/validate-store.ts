/**
 * Static checks of `spec.provider.onepassword` beyond its schema (no network), as ESO's
 * `ValidateStore` does, plus Tessera's annotations. Throws {@link InvalidProviderConfigError}
 * naming the field; returns warnings.
 */
import { InvalidProviderConfigError, type StoreView } from '@tessera/core';
import { settingsFromAnnotations } from './onepassword-settings.js';
import type { OnePasswordProviderSpec } from './onepassword-spec.js';

/** Validates the store block; returns warnings. */
export function validateOnePasswordStore(store: StoreView<OnePasswordProviderSpec>): string[] {
  const spec = store.spec;
  checkConnectHost(spec.connectHost);
  checkVaults(spec.vaults);
  checkTokenRef(store);
  settingsFromAnnotations(store.annotations);
  const warnings: string[] = [];
  if (new URL(spec.connectHost).protocol === 'http:' && !isLocal(new URL(spec.connectHost).hostname)) {
    warnings.push(
      `spec.provider.onepassword.connectHost uses plain http (${spec.connectHost}); the Connect token travels unencrypted unless the network is trusted`,
    );
  }
  return warnings;
}

function checkConnectHost(connectHost: string): void {
  let url: URL;
  try {
    url = new URL(connectHost);
  } catch (cause) {
    throw new InvalidProviderConfigError(
      `spec.provider.onepassword.connectHost "${connectHost}" is not a URL; use e.g. http://onepassword-connect:8080`,
      { cause },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidProviderConfigError(
      `spec.provider.onepassword.connectHost must be an http or https URL, got "${connectHost}"`,
    );
  }
}

function checkVaults(vaults: Readonly<Record<string, number>> | undefined): void {
  const entries = Object.entries(vaults ?? {});
  if (entries.length === 0) {
    throw new InvalidProviderConfigError(
      'spec.provider.onepassword.vaults must name at least one vault, e.g. {"my-vault": 1}',
    );
  }
  const byPriority = new Map<number, string>();
  for (const [name, priority] of entries) {
    if (!Number.isInteger(priority)) {
      throw new InvalidProviderConfigError(
        `spec.provider.onepassword.vaults["${name}"] must be a whole number (its search priority)`,
      );
    }
    const other = byPriority.get(priority);
    if (other !== undefined) {
      throw new InvalidProviderConfigError(
        `spec.provider.onepassword.vaults: "${other}" and "${name}" share priority ${priority}; give every vault its own number (lower is searched first)`,
      );
    }
    byPriority.set(priority, name);
  }
}

function checkTokenRef(store: StoreView<OnePasswordProviderSpec>): void {
  const ref = store.spec.auth?.secretRef?.connectTokenSecretRef;
  const path = 'spec.provider.onepassword.auth.secretRef.connectTokenSecretRef';
  if (!ref?.name)
    throw new InvalidProviderConfigError(`${path}.name is required: the Secret holding the Connect token`);
  if (!ref.key)
    throw new InvalidProviderConfigError(`${path}.key is required: the key of that Secret holding the token`);
  if (store.kind === 'ClusterSecretStore' && !ref.namespace) {
    throw new InvalidProviderConfigError(
      `${path}.namespace is required on a ClusterSecretStore: the namespace of the token Secret`,
    );
  }
}

function isLocal(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '127.0.0.1' ||
    hostname === '[::1]' ||
    !hostname.includes('.') ||
    hostname.endsWith('.svc') ||
    hostname.includes('.svc.')
  );
}
