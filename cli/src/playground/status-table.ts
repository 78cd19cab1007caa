/**
 * The playground's status table: stores and ExternalSecrets with their Ready condition, as plain
 * aligned text lines (no colours, so they read the same in a terminal and in a log file). Pure: it
 * formats what it is given.
 */
import type { KubeObject } from '@tessera/core';

interface ConditionLike {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
}

/** What the table reads from an object: metadata, `spec.secretStoreRef`, and `status`. */
export interface StatusObject extends KubeObject {
  spec?: { secretStoreRef?: { kind?: string; name?: string }; refreshInterval?: string };
  status?: { conditions?: readonly ConditionLike[]; refreshTime?: string | null };
}

/** Input of {@link statusTable}. */
export interface StatusTableInput {
  readonly stores: readonly StatusObject[];
  readonly externalSecrets: readonly StatusObject[];
  readonly clusterExternalSecrets?: readonly StatusObject[];
  /** @default Date.now() */
  readonly now?: number;
  /** Longest MESSAGE column. @default 60 */
  readonly messageWidth?: number;
}

/** Renders the stores, then the ExternalSecrets (then ClusterExternalSecrets), each as an aligned block. */
export function statusTable(input: StatusTableInput): string[] {
  const now = input.now ?? Date.now();
  const width = input.messageWidth ?? 60;
  const storeRows = sortByKey(input.stores).map((store) => {
    const ready = readyOf(store);
    return [
      store.kind,
      store.metadata.namespace ?? '-',
      store.metadata.name ?? '',
      ready.status,
      ready.reason,
      clip(ready.message, width),
    ];
  });
  const esRows = sortByKey(input.externalSecrets).map((es) => {
    const ready = readyOf(es);
    const ref = es.spec?.secretStoreRef;
    const store = ref?.name ? `${ref.kind === 'ClusterSecretStore' ? 'css' : 'ss'}/${ref.name}` : '-';
    const synced = es.status?.refreshTime ? age(now - Date.parse(es.status.refreshTime)) : '-';
    return [
      es.metadata.namespace ?? '',
      es.metadata.name ?? '',
      store,
      ready.status,
      ready.reason,
      synced,
      clip(ready.message, width),
    ];
  });
  const lines = [
    ...align([['STORE KIND', 'NAMESPACE', 'NAME', 'READY', 'STATUS', 'MESSAGE'], ...storeRows]),
    '',
    ...align([
      ['NAMESPACE', 'EXTERNALSECRET', 'STORE', 'READY', 'STATUS', 'LAST SYNC', 'MESSAGE'],
      ...esRows,
    ]),
  ];
  const cesRows = sortByKey(input.clusterExternalSecrets ?? []).map((ces) => {
    const ready = readyOf(ces);
    return [ces.metadata.name ?? '', ready.status, ready.reason, clip(ready.message, width)];
  });
  if (cesRows.length > 0)
    lines.push('', ...align([['CLUSTEREXTERNALSECRET', 'READY', 'STATUS', 'MESSAGE'], ...cesRows]));
  return lines;
}

/** True when the object's Ready condition is True. */
export function isReady(object: StatusObject): boolean {
  return readyOf(object).status === 'True';
}

function readyOf(object: StatusObject): { status: string; reason: string; message: string } {
  const ready = object.status?.conditions?.find((condition) => condition.type === 'Ready');
  return {
    status: ready?.status ?? 'Unknown',
    reason: ready?.reason || (ready ? '-' : 'Pending'),
    message: ready?.message ?? '',
  };
}

function sortByKey<T extends KubeObject>(objects: readonly T[]): T[] {
  const key = (object: T): string =>
    `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
  return [...objects].sort((a, b) => key(a).localeCompare(key(b)));
}

/** Left-aligned columns separated by three spaces; the last column is not padded. */
function align(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('   ')
      .trimEnd(),
  );
}

function clip(text: string, width: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= width ? oneLine : `${oneLine.slice(0, width - 1)}…`;
}

/** kubectl-style age: 42s, 5m, 3h, 2d. */
export function age(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}
