/**
 * ClusterSecretStore `spec.conditions`: which namespaces may use a cluster store. Matching any
 * selector, name or regular expression of any condition allows the namespace; no conditions allow
 * every namespace (ESO semantics). Regular expressions are RE2 and unanchored, as in Go's
 * `regexp.MatchString`.
 */
import { RE2JS } from 're2js';
import { InvalidProviderConfigError, TesseraError } from './errors.js';
import { matchesLabelSelector, type LabelSelectorLike } from './label-selector.js';

/** One entry of `spec.conditions` (`ClusterSecretStoreCondition`). */
export interface ClusterStoreCondition {
  readonly namespaceSelector?: LabelSelectorLike;
  readonly namespaces?: readonly string[];
  readonly namespaceRegexes?: readonly string[];
}

/** The parts of a Namespace the conditions look at. */
export interface NamespaceFacts {
  readonly name: string;
  /** Labels of the Namespace object; absent when the Namespace could not be read. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A ClusterSecretStore's conditions deny the namespace. The message is ESO's, plus the next step. */
export class NamespaceNotAllowedError extends TesseraError {
  readonly reason = 'NamespaceNotAllowed';
  constructor(
    readonly storeName: string,
    readonly namespace: string,
  ) {
    super(
      `using cluster store "${storeName}" is not allowed from namespace "${namespace}": denied by spec.condition ` +
        `(add the namespace to spec.conditions of ClusterSecretStore "${storeName}", or use another store)`,
    );
  }
}

/** A `namespaceRegexes` entry is not a valid RE2 expression. */
export class InvalidNamespaceRegexError extends InvalidProviderConfigError {}

const compiled = new Map<string, RE2JS>();
const MAX_CACHED_REGEXES = 512;

/** Compiles (and caches) an RE2 expression; throws {@link InvalidNamespaceRegexError} naming it. */
export function compileNamespaceRegex(expression: string): RE2JS {
  let regex = compiled.get(expression);
  if (regex) return regex;
  try {
    regex = RE2JS.compile(expression);
  } catch (error) {
    throw new InvalidNamespaceRegexError(
      `spec.conditions namespaceRegexes entry "${expression}" is not a valid RE2 regular expression; fix or remove it`,
      { cause: error },
    );
  }
  if (compiled.size >= MAX_CACHED_REGEXES) compiled.clear();
  compiled.set(expression, regex);
  return regex;
}

/** Whether one condition allows the namespace. */
export function conditionAllows(condition: ClusterStoreCondition, namespace: NamespaceFacts): boolean {
  if (
    condition.namespaceSelector &&
    matchesLabelSelector(condition.namespaceSelector, namespace.labels ?? {})
  ) {
    return true;
  }
  if ((condition.namespaces ?? []).includes(namespace.name)) return true;
  return (condition.namespaceRegexes ?? []).some((expression) =>
    compileNamespaceRegex(expression).test(namespace.name),
  );
}

/** Whether the conditions (absent or empty = no restriction) allow the namespace. */
export function namespaceAllowed(
  conditions: readonly ClusterStoreCondition[] | undefined,
  namespace: NamespaceFacts,
): boolean {
  if (!conditions || conditions.length === 0) return true;
  return conditions.some((condition) => conditionAllows(condition, namespace));
}

/**
 * Throws {@link NamespaceNotAllowedError} when the cluster store's conditions deny the namespace.
 * Call it for ClusterSecretStores only: ESO ignores `conditions` on a SecretStore.
 */
export function assertClusterStoreAllowed(options: {
  readonly storeName: string;
  readonly conditions: readonly ClusterStoreCondition[] | undefined;
  readonly namespace: NamespaceFacts;
}): void {
  if (!namespaceAllowed(options.conditions, options.namespace)) {
    throw new NamespaceNotAllowedError(options.storeName, options.namespace.name);
  }
}

/** Checks every `namespaceRegexes` entry compiles (store validation); throws naming the first bad one. */
export function validateNamespaceRegexes(conditions: readonly ClusterStoreCondition[] | undefined): void {
  for (const condition of conditions ?? []) {
    for (const expression of condition.namespaceRegexes ?? []) compileNamespaceRegex(expression);
  }
}
