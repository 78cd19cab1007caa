/** One thing wrong with a manifest, located by a JSON path inside its document. */
export interface SchemaProblem {
  /** e.g. `spec.data[1].remoteRef.key`; empty for the document itself. */
  readonly path: string;
  /** e.g. `required`, `unknown field; did you mean data?` */
  readonly message: string;
}

/** Appends a property name to a path (`spec` + `data` → `spec.data`). */
export function joinPath(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** Appends an array index or map key (`spec.data` + 1 → `spec.data[1]`). */
export function indexPath(path: string, index: number | string): string {
  return `${path}[${index}]`;
}
