/** The ExternalSecret controller's public surface (re-exported from `@tessera/core`). */
export { ExternalSecretReconciler } from './external-secret-reconciler.js';
export type {
  ExternalSecretMetrics,
  ExternalSecretReconcilerOptions,
  ValueRedactor,
} from './external-secret-reconciler-options.js';
export {
  ExternalSecretController,
  externalSecretChanged,
  storeChanged,
  type ExternalSecretControllerOptions,
} from './external-secret-controller.js';
export { ExternalSecretIndex } from './external-secret-index.js';
export {
  externalSecretRegistration,
  type ExternalSecretRegistrationOptions,
} from './external-secret-registration.js';
export {
  TemplateEngineUnavailableError,
  literalTemplateRenderer,
  type RenderedTemplate,
  type TemplateRenderRequest,
  type TemplateRenderer,
} from './template-renderer.js';
export { EngineTemplateRenderer, type EngineTemplateRendererOptions } from './engine-template-renderer.js';
export {
  TemplateParseError,
  TemplateRenderError,
  TemplateSourceError,
  TemplateSpecError,
} from './template-render-errors.js';
export {
  KubeTemplateSourceReader,
  referencedTemplateSources,
  templateSourceKey,
  type KubeTemplateSourceReaderOptions,
  type TemplateSourceContent,
  type TemplateSourceKind,
  type TemplateSourceReader,
  type TemplateSourceRef,
  type TemplateSourceVersionLookup,
} from './template-sources.js';
export {
  TemplateSourceWatch,
  type TemplateSourceVersions,
  type TemplateSourceWatchOptions,
} from './template-source-watch.js';
export { TemplateCompileCache } from './template-compile-cache.js';
export { parseKeysAndValues } from './template-keys-and-values.js';
export {
  ANNOTATION_DATA_HASH,
  ANNOTATION_MANAGED_FIELDS,
  EXTERNAL_SECRET_FINALIZER,
  LABEL_CREATED_BY,
  LABEL_MANAGED,
  LABEL_MANAGED_VALUE,
  createdByValue,
  fieldManagerFor,
} from './target-bookkeeping.js';
export { dataHash, sha3_224Hex, syncedResourceVersionOf } from './object-hash.js';
export {
  DataTransformError,
  EntryReadError,
  InvalidSpecError,
  StoreNotFoundError,
  StoreNotReadyError,
  TakeOwnershipError,
  TargetImmutableError,
  TargetOwnedError,
} from './external-secret-errors.js';
export { settingsOf, ReadYourWrites, type ExternalSecretSettings } from './load.js';
export {
  decideRefresh,
  nextCheck,
  isTargetValid,
  type RefreshDecision,
  type RefreshReason,
} from './should-refresh.js';
export { isWithinSyncWindow, periodicRefreshAllowed } from './sync-windows.js';
export {
  referencedStoreKeys,
  referencedStores,
  resolveStores,
  storeOfOtherController,
  type ResolvedStores,
  type StoreLookup,
} from './resolve-store.js';
export {
  fetchRemoteData,
  type ClientSource,
  type FetchedEntry,
  type FetchedRemoteData,
  type MissingEntry,
} from './fetch-remote-data.js';
export { transformData, type SecretValueSink } from './transform-data.js';
export { decodeValue } from './decoding.js';
export { convertKeys, validateKeys } from './secret-keys.js';
export { rewriteKeys, rewriteMerge } from './rewrite-keys.js';
export { compileGoRegexp, goReplaceAll, type GoRegexp } from './go-regexp-replace.js';
export { renderTarget, type DesiredTarget } from './render-target.js';
export { applyTargetSecret, buildTargetSecret, type ApplyResult } from './apply-target-secret.js';
export { readManagedFields, withManagedFields, type ManagedFields } from './managed-fields.js';
export { validateSpec as validateExternalSecretSpec } from './validate-spec.js';
export { StatusMessages, nextStatus, type StatusChange, type ReadyReason } from './write-status.js';
export { EventReasons, ExternalSecretEvents } from './record-events.js';
