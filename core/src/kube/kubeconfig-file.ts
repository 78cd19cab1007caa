/**
 * Reads kubeconfig files into the entries of their current (or a chosen) context, with the field
 * names and checks client-node uses (`clusters[i].cluster.server is missing`…), relative file paths
 * made absolute against the file's directory as kubectl does. Used by `loadKubeConfig` to serve the
 * common kubeconfigs (token, token file, client certificate, basic auth) without loading
 * `@kubernetes/client-node`, whose generated API costs the operator ~70 MB of memory.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { LineCounter, parse, YAMLParseError } from 'yaml';

/** A cluster entry (kubeconfig field names). */
export interface KubeconfigCluster {
  readonly server: string;
  readonly 'certificate-authority'?: string;
  readonly 'certificate-authority-data'?: string;
  readonly 'insecure-skip-tls-verify'?: boolean;
  readonly 'tls-server-name'?: string;
  readonly [field: string]: unknown;
}

/** A user entry (kubeconfig field names). */
export interface KubeconfigUser {
  readonly token?: string;
  readonly 'token-file'?: string;
  readonly 'client-certificate'?: string;
  readonly 'client-certificate-data'?: string;
  readonly 'client-key'?: string;
  readonly 'client-key-data'?: string;
  readonly username?: string;
  readonly password?: string;
  readonly [field: string]: unknown;
}

/** What one context of a kubeconfig file selects. */
export interface KubeconfigSelection {
  readonly contextName: string;
  readonly contextNames: readonly string[];
  /** Undefined when the context names no known cluster. */
  readonly cluster: KubeconfigCluster | undefined;
  readonly user: KubeconfigUser;
  readonly namespace: string | undefined;
}

interface Named<T> {
  readonly name?: string;
  readonly [key: string]: T | string | undefined;
}

interface RawKubeconfig {
  readonly clusters?: Named<KubeconfigCluster>[];
  readonly contexts?: Named<{ cluster?: string; user?: string; namespace?: string }>[];
  readonly users?: Named<KubeconfigUser>[];
  readonly 'current-context'?: string;
}

const CLUSTER_PATHS = ['certificate-authority'] as const;
const USER_PATHS = ['client-certificate', 'client-key'] as const;

interface ParsedFile {
  readonly clusters: [string, KubeconfigCluster][];
  readonly contexts: [string, { cluster?: string; user?: string; namespace?: string }][];
  readonly users: [string, KubeconfigUser][];
  readonly currentContext: string | undefined;
}

/**
 * Parses the kubeconfig files and selects `context` (default: the current-context). Several files
 * (a `$KUBECONFIG` list) merge as client-node merges them: a later file's current-context wins and
 * a name defined twice is an error. @throws Error on a malformed file
 */
export function readKubeconfigFiles(paths: readonly string[], context?: string): KubeconfigSelection {
  const files = paths.map(parseFile);
  const clusters = merged(
    files.map((file) => file.clusters),
    'cluster',
  );
  const contexts = merged(
    files.map((file) => file.contexts),
    'context',
  );
  const users = merged(
    files.map((file) => file.users),
    'user',
  );
  const current = files.reduce<string | undefined>((name, file) => file.currentContext || name, undefined);
  const contextName = context ?? current ?? '';
  const selected = contexts.find(([name]) => name === contextName)?.[1];
  return {
    contextName,
    contextNames: contexts.map(([name]) => name),
    cluster: clusters.find(([name]) => name === selected?.cluster)?.[1],
    user: users.find(([name]) => name === selected?.user)?.[1] ?? {},
    namespace: selected?.namespace || undefined,
  };
}

function parseFile(path: string): ParsedFile {
  const raw = parseYaml(path);
  const dir = dirname(path);
  const clusters = entries(raw.clusters, 'clusters', 'cluster');
  const contexts = entries(raw.contexts, 'contexts', 'context');
  const users = entries(raw.users, 'users', 'user');
  clusters.forEach(([, cluster], i) => {
    if (!cluster.server) throw new Error(`clusters[${i}].cluster.server is missing`);
  });
  contexts.forEach(([, ctx], i) => {
    if (!ctx.cluster) throw new Error(`contexts[${i}].context.cluster is missing`);
  });
  return {
    clusters: clusters.map(([name, cluster]) => [name, absolute(cluster, CLUSTER_PATHS, dir)]),
    contexts,
    users: users.map(([name, user]) => [name, absolute(user, USER_PATHS, dir)]),
    currentContext: raw['current-context'] || undefined,
  };
}

/**
 * The file's YAML. Errors give only the position: the parser's own messages quote the offending
 * line or part of it, and a kubeconfig line may hold a token, password or key. Warnings (which
 * quote unknown tags) are not printed for the same reason.
 */
function parseYaml(path: string): RawKubeconfig {
  const lineCounter = new LineCounter();
  try {
    return (parse(readFileSync(path, 'utf8'), { lineCounter, prettyErrors: false, logLevel: 'error' }) ??
      {}) as RawKubeconfig;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      throw new Error(`${path} is not valid YAML at line ${line}, column ${col}; fix the file there`);
    }
    if (error instanceof ReferenceError)
      throw new Error(`${path} is not valid YAML: an alias (*name) has no anchor; fix the file`);
    throw error;
  }
}

function merged<T>(lists: [string, T][][], kind: string): [string, T][] {
  const all: [string, T][] = [];
  for (const list of lists) {
    const earlier = new Set(all.map(([name]) => name));
    for (const [name] of list) if (earlier.has(name)) throw new Error(`Duplicate ${kind}: ${name}`);
    all.push(...list);
  }
  return all;
}

function entries<T>(list: Named<T>[] | undefined, section: string, field: string): [string, T][] {
  if (!Array.isArray(list)) return [];
  return list.map((entry, i) => {
    if (!entry?.name) throw new Error(`${section}[${i}].name is missing`);
    const value = entry[field];
    if (field !== 'user' && (value === undefined || typeof value === 'string'))
      throw new Error(`${section}[${i}].${field} is missing`);
    return [entry.name, (typeof value === 'object' && value !== null ? value : {}) as T];
  });
}

function absolute<T extends object>(entry: T, fields: readonly string[], dir: string): T {
  const copy: Record<string, unknown> = { ...(entry as Record<string, unknown>) };
  for (const field of fields) {
    const value = copy[field];
    if (typeof value === 'string' && value !== '' && !isAbsolute(value)) copy[field] = join(dir, value);
  }
  return copy as T;
}
