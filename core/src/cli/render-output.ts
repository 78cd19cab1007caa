/**
 * Prints a locally rendered Secret as YAML. Values are masked (`<masked: N bytes>`) unless revealed;
 * revealed values that are UTF-8 text go to `stringData` (readable, and still a Secret `kubectl
 * apply` accepts), binary ones to `data` as base64. Labels and annotations are metadata and always
 * shown. The bookkeeping the operator adds (managed label, hashes, owner) is left out.
 */
import { stringify } from 'yaml';
import type { LocallyRenderedSecret } from './render-secret.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function asText(value: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(value);
  } catch {
    return undefined;
  }
}

function nonEmpty<T>(map: Record<string, T>): Record<string, T> | undefined {
  return Object.keys(map).length > 0 ? map : undefined;
}

function sorted<T>(map: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(map).sort())
    Object.defineProperty(out, key, { value: map[key], enumerable: true });
  return out;
}

/** The Secret as YAML text; see the module comment. */
export function formatRenderedSecret(rendered: LocallyRenderedSecret, options: { reveal: boolean }): string {
  const { desired, settings, namespace } = rendered;
  const data: Record<string, string> = {};
  const stringData: Record<string, string> = {};
  for (const [key, value] of Object.entries(sorted(desired.data))) {
    const text = options.reveal ? asText(value) : undefined;
    if (!options.reveal) data[key] = `<masked: ${value.byteLength} bytes>`;
    else if (text !== undefined) stringData[key] = text;
    else data[key] = Buffer.from(value).toString('base64');
  }
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: settings.targetName,
      namespace,
      labels: nonEmpty(sorted(desired.labels)),
      annotations: nonEmpty(sorted(desired.annotations)),
      finalizers: desired.finalizers.length > 0 ? [...desired.finalizers] : undefined,
    },
    type: desired.type ?? 'Opaque',
    immutable: settings.immutable ? true : undefined,
    data: nonEmpty(data),
    stringData: nonEmpty(stringData),
  };
  return stringify(secret, { lineWidth: 0 });
}
