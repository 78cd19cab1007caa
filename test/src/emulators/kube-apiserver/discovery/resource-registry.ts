import { groupVersion, type ResourceType } from '../api/resource-type.js';
import { compareVersionPriority } from './version-priority.js';

/** A served API group with its versions, preferred first. */
export interface ApiGroupInfo {
  readonly name: string;
  readonly versions: readonly string[];
}

/**
 * The set of served resource types. Built-ins are registered at start; CRD types come and go. Every change bumps
 * `revision`, which discovery and OpenAPI use as their cache hash.
 */
export class ResourceRegistry {
  private readonly byGv = new Map<string, Map<string, ResourceType>>();
  private readonly groupOrder: string[] = [];
  private rev = 0;
  /** preferredForStorage answers, dropped on every change. */
  private readonly preferred = new Map<string, ResourceType | undefined>();

  /** Increases on every change to the served set. */
  get revision(): number {
    return this.rev;
  }

  /** Adds or replaces a type (keyed by group, version, plural). */
  register(type: ResourceType): void {
    const gv = groupVersion(type);
    let types = this.byGv.get(gv);
    if (!types) {
      types = new Map();
      this.byGv.set(gv, types);
    }
    types.set(type.plural, type);
    if (!this.groupOrder.includes(type.group)) this.groupOrder.push(type.group);
    this.changed();
  }

  /** Removes every type that belongs to the named CRD. */
  unregisterCrd(crdName: string): void {
    for (const [gv, types] of this.byGv) {
      for (const [plural, t] of types) if (t.crdName === crdName) types.delete(plural);
      if (types.size === 0) this.byGv.delete(gv);
    }
    this.changed();
  }

  /** The type served at group/version/plural, if any. */
  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byGv.get(group ? `${group}/${version}` : version)?.get(plural);
  }

  /** The type serving `kind` in `apiVersion` (`group/version` or `v1`), if any. */
  findKind(apiVersion: string, kind: string): ResourceType | undefined {
    const types = this.byGv.get(apiVersion);
    if (!types) return undefined;
    for (const t of types.values()) if (t.kind === kind) return t;
    return undefined;
  }

  /** The types of one group-version sorted by plural, or undefined when the GV is not served. */
  resourcesOf(group: string, version: string): ResourceType[] | undefined {
    const types = this.byGv.get(group ? `${group}/${version}` : version);
    if (!types) return undefined;
    return [...types.values()].sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  }

  /** Every served type. */
  all(): ResourceType[] {
    return [...this.byGv.values()].flatMap((m) => [...m.values()]);
  }

  /** Every type stored in the given bucket (one per served version). */
  typesForStorage(storageKey: string): ResourceType[] {
    return this.all().filter((t) => t.storageKey === storageKey);
  }

  /** The preferred (first-listed) type of a storage bucket. */
  preferredForStorage(storageKey: string): ResourceType | undefined {
    if (this.preferred.has(storageKey)) return this.preferred.get(storageKey);
    const types = this.typesForStorage(storageKey);
    types.sort((a, b) => compareVersionPriority(a.version, b.version));
    this.preferred.set(storageKey, types[0]);
    return types[0];
  }

  /** Served groups: the core group first, built-ins in registration order, then CRD groups by name. */
  groups(): ApiGroupInfo[] {
    const versionsOf = (group: string): string[] => {
      const vs = new Set<string>();
      for (const types of this.byGv.values())
        for (const t of types.values()) if (t.group === group) vs.add(t.version);
      return [...vs].sort(compareVersionPriority);
    };
    const builtin = this.groupOrder.filter((g) => this.isBuiltinGroup(g));
    const custom = this.groupOrder.filter((g) => !this.isBuiltinGroup(g)).sort();
    return [...builtin, ...custom]
      .map((name) => ({ name, versions: versionsOf(name) }))
      .filter((g) => g.versions.length > 0);
  }

  private changed(): void {
    this.rev++;
    this.preferred.clear();
  }

  private isBuiltinGroup(group: string): boolean {
    for (const types of this.byGv.values())
      for (const t of types.values()) if (t.group === group && t.builtin) return true;
    return false;
  }
}
