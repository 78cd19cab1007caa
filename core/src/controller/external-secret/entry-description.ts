/**
 * How messages name an ExternalSecret entry and a store, e.g.
 * `spec.data[2] (key=db-prod, property=password)` and `ClusterSecretStore/onepassword`.
 * Only positions, remote key names, properties, versions and store names appear: never values.
 */
import type { ExternalSecretData, ExternalSecretDataFromRemoteRef } from '../../api/v1/index.js';
import type { StoreRef } from '../../provider/store-ref.js';

/** `spec.data[i] (key=…, property=…, version=…)`. */
export function describeDataEntry(index: number, entry: ExternalSecretData): string {
  const { key, property, version } = entry.remoteRef;
  let described = key ? `key=${key}` : '';
  if (property) described += `${described ? ', ' : ''}property=${property}`;
  if (version) described += `${described ? ', ' : ''}version=${version}`;
  return `spec.data[${index}] (${described})`;
}

/** `spec.dataFrom[i] (extract key=…)`, `spec.dataFrom[i] (find name=…, path=…)` or `(generatorRef Kind/name)`. */
export function describeDataFromEntry(index: number, entry: ExternalSecretDataFromRemoteRef): string {
  const prefix = `spec.dataFrom[${index}]`;
  if (entry.extract) {
    const { key, property, version } = entry.extract;
    return `${prefix} (extract ${fields([
      ['key', key],
      ['property', property],
      ['version', version],
    ])})`;
  }
  if (entry.find) {
    const tags = entry.find.tags ? Object.entries(entry.find.tags).map(([k, v]) => `${k}=${v}`) : [];
    const described = fields([
      ['name', entry.find.name?.regexp],
      ['path', entry.find.path],
      ['tags', tags.length > 0 ? `{${tags.join(',')}}` : undefined],
    ]);
    return `${prefix} (find${described ? ` ${described}` : ''})`;
  }
  const generator = entry.sourceRef?.generatorRef;
  return generator ? `${prefix} (generatorRef ${generator.kind}/${generator.name})` : prefix;
}

/** `SecretStore/name` or `ClusterSecretStore/name` (the namespace of a SecretStore is the ExternalSecret's). */
export function describeStoreShort(ref: StoreRef): string {
  return `${ref.kind}/${ref.name}`;
}

function fields(pairs: readonly (readonly [string, string | undefined])[]): string {
  return pairs
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}
