/**
 * Validates one parsed Kubernetes document: picks the kind, checks it against the schema (with
 * `spec.provider` assembled from the loaded providers) and then the kind's webhook rules.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { API_GROUP } from '../api/v1/constants.js';
import { KINDS, type KindInfo } from '../api/v1/kinds.js';
import { ObjectMetaSchema } from '../api/v1/meta.js';
import { specSchemaFor } from '../crd/build-crds.js';
import type { ProviderDescriptor } from '../provider/provider.js';
import { checkExternalSecretSpec } from './external-secret-rules.js';
import { joinPath, type SchemaProblem } from './problem.js';
import { checkPushSecretSpec } from './push-secret-rules.js';
import { validateAgainstSchema } from './schema-validator.js';
import { checkSecretStoreSpec } from './secret-store-rules.js';

/** The outcome for one document. */
export type DocumentResult =
  | {
      readonly status: 'checked';
      readonly kind: string;
      readonly name: string;
      readonly problems: readonly SchemaProblem[];
    }
  | { readonly status: 'skipped'; readonly kind: string; readonly name: string; readonly reason: string };

type Rules = (spec: never, path: string) => SchemaProblem[];

const RULES: Readonly<Record<string, Rules>> = {
  ExternalSecret: checkExternalSecretSpec,
  SecretStore: checkSecretStoreSpec,
  ClusterSecretStore: checkSecretStoreSpec,
  ClusterExternalSecret: (spec: { externalSecretSpec?: never }, path) =>
    spec && typeof spec === 'object' && spec.externalSecretSpec
      ? checkExternalSecretSpec(spec.externalSecretSpec, joinPath(path, 'externalSecretSpec'))
      : [],
  PushSecret: checkPushSecretSpec,
};

/** Options of {@link createManifestValidator}. */
export interface ManifestValidatorOptions {
  /** Descriptors of the loaded providers; they define what `spec.provider` may hold. */
  readonly providers: readonly ProviderDescriptor[];
}

/** Builds a validator for documents; schemas are assembled once. */
export function createManifestValidator(
  options: ManifestValidatorOptions,
): (document: unknown) => DocumentResult {
  const roots = new Map<KindInfo, TSchema>(KINDS.map((kind) => [kind, rootSchema(kind, options.providers)]));
  return (document) => validateDocument(document, roots);
}

function rootSchema(kind: KindInfo, providers: readonly ProviderDescriptor[]): TSchema {
  return Type.Object({
    apiVersion: Type.String(),
    kind: Type.String(),
    metadata: Type.Optional(ObjectMetaSchema),
    spec: specSchemaFor(kind, providers),
    status: Type.Optional(kind.statusSchema),
  });
}

function validateDocument(document: unknown, roots: Map<KindInfo, TSchema>): DocumentResult {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return {
      status: 'checked',
      kind: '?',
      name: '?',
      problems: [{ path: '', message: 'expected a Kubernetes object (a YAML mapping)' }],
    };
  }
  const object = document as {
    apiVersion?: unknown;
    kind?: unknown;
    metadata?: { name?: unknown; generateName?: unknown };
  };
  const kindName = typeof object.kind === 'string' ? object.kind : '?';
  const name = typeof object.metadata?.name === 'string' ? object.metadata.name : '<unnamed>';
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = KINDS.find((k) => k.kind === kindName);
  if (!apiVersion || kindName === '?') {
    return {
      status: 'skipped',
      kind: kindName,
      name,
      reason: 'not a Kubernetes object (no apiVersion or kind)',
    };
  }
  if (!kind || !apiVersion.startsWith(`${API_GROUP}/`)) {
    return {
      status: 'skipped',
      kind: kindName,
      name,
      reason: `${apiVersion} ${kindName} is not a kind Tessera validates`,
    };
  }
  if (apiVersion !== kind.apiVersion) {
    const problems = [
      { path: 'apiVersion', message: `${apiVersion} is not served for ${kind.kind}; use ${kind.apiVersion}` },
    ];
    return { status: 'checked', kind: kindName, name, problems };
  }
  const problems: SchemaProblem[] = [];
  if (typeof object.metadata?.name !== 'string' && typeof object.metadata?.generateName !== 'string') {
    problems.push({ path: 'metadata.name', message: 'required' });
  }
  problems.push(...validateAgainstSchema(roots.get(kind) as TSchema, document));
  const spec = (document as { spec?: unknown }).spec;
  if (spec !== undefined) problems.push(...RULES[kind.kind](spec as never, 'spec'));
  return { status: 'checked', kind: kindName, name, problems };
}
