/**
 * Container creation: the only place (with `core-module.ts` and the provider modules it loads) that
 * touches inversify's container API. A composition root (the CLI, a test) lists the provider
 * modules it wants; nothing registers itself by being imported.
 */
import { Container, type ContainerModule } from 'inversify';
import type { ProviderRegistry } from '../provider/provider-registry.js';
import { defaultControllerSettings, type ControllerSettings } from './controller-settings.js';
import { coreModule } from './core-module.js';
import * as tokens from './tokens.js';

/** A constant to bind (e.g. a KubeClient built by the caller, or a fake in a test). */
export interface ConstantBinding {
  readonly token: symbol;
  readonly value: unknown;
}

/** Options of {@link createContainer}. */
export interface CreateContainerOptions {
  /** One ContainerModule per provider package (e.g. `fakeModule`). */
  readonly providerModules: readonly ContainerModule[];
  /** Further modules (Kubernetes wiring, metrics, CLI). @default [] */
  readonly modules?: readonly ContainerModule[];
  /** Overrides of {@link defaultControllerSettings}. @default {} */
  readonly settings?: Partial<ControllerSettings>;
  /** Constants to bind, such as `KubeClient`, `CacheFactory`, `EventRecorder`. @default [] */
  readonly constants?: readonly ConstantBinding[];
}

/** What callers get: typed look-ups by token. */
export interface TesseraContainer {
  get<T>(token: symbol): T;
  getAll<T>(token: symbol): T[];
  isBound(token: symbol): boolean;
}

/**
 * Creates a container with the core module, the given modules and constants, and builds the
 * provider registry at once so a duplicate provider fails at start-up, not on first use.
 * @throws DuplicateProviderError when two modules contribute the same `spec.provider` key.
 */
export function createContainer(options: CreateContainerOptions): TesseraContainer {
  const container = new Container({ defaultScope: 'Singleton' });
  container
    .bind(tokens.ControllerSettings)
    .toConstantValue({ ...defaultControllerSettings, ...(options.settings ?? {}) });
  for (const { token, value } of options.constants ?? []) container.bind(token).toConstantValue(value);
  container.loadSync(coreModule, ...options.providerModules, ...(options.modules ?? []));
  container.get<ProviderRegistry>(tokens.ProviderRegistry);
  return {
    get: <T>(token: symbol) => container.get<T>(token),
    getAll: <T>(token: symbol) => container.getAll<T>(token),
    isBound: (token: symbol) => container.isBound(token),
  };
}
