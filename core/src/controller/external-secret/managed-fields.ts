/**
 * Which data keys, labels and annotations of a Secret each ExternalSecret wrote — what ESO reads
 * from the API server's `managedFields` for its field manager. Tessera records it in the annotation
 * `tessera.external-secrets.io/managed-fields` as compact JSON keyed by ExternalSecret name:
 *
 *     {"my-es":{"annotations":["team"],"data":["password","username"],"labels":["app"]}}
 *
 * so several ExternalSecrets merging into one Secret each remove only their own keys. Only names are
 * stored, sorted, so the same facts always give the same text (no spurious writes). A missing or
 * unreadable annotation means "nothing recorded" (e.g. a Secret last written by ESO).
 */
import { ANNOTATION_MANAGED_FIELDS } from './target-bookkeeping.js';

/** The names one ExternalSecret wrote. */
export interface ManagedFields {
  readonly data: readonly string[];
  readonly labels: readonly string[];
  readonly annotations: readonly string[];
}

/** Nothing recorded. */
export const NO_MANAGED_FIELDS: ManagedFields = { data: [], labels: [], annotations: [] };

type Recorded = Record<string, Partial<Record<keyof ManagedFields, string[]>>>;

/** The records on a Secret, as seen by one ExternalSecret. */
interface Records {
  /** Its own record (unchecked JSON), if any. */
  readonly own: unknown;
  /** Every record, when other ExternalSecrets may have some; undefined when only `own` can exist. */
  readonly all?: Recorded;
}

function parseAll(text: string): Recorded {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Recorded) : {};
  } catch {
    return {};
  }
}

/**
 * Reads the annotation. Usually it holds one record, the reader's own: that one is parsed on its
 * own, because an object keyed by ExternalSecret names gives V8 a new hidden class per name.
 */
function recordsOf(annotations: Readonly<Record<string, string>> | undefined, esName: string): Records {
  const text = annotations?.[ANNOTATION_MANAGED_FIELDS];
  if (!text) return { own: undefined };
  const prefix = `{${JSON.stringify(esName)}:`;
  if (text.startsWith(prefix) && text.endsWith('}')) {
    try {
      return { own: JSON.parse(text.slice(prefix.length, -1)) as unknown };
    } catch {
      // more than one record (or not ours to read this way): parse it all
    }
  }
  const all = parseAll(text);
  return { own: Object.hasOwn(all, esName) ? all[esName] : undefined, all };
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** What `esName` recorded on a Secret with these annotations. */
export function readManagedFields(
  annotations: Readonly<Record<string, string>> | undefined,
  esName: string,
): ManagedFields {
  const entry = recordsOf(annotations, esName).own as Recorded[string] | undefined;
  if (!entry || typeof entry !== 'object') return NO_MANAGED_FIELDS;
  return { data: names(entry.data), labels: names(entry.labels), annotations: names(entry.annotations) };
}

/** The names sorted, without duplicates. */
function sorted(values: readonly string[]): string[] {
  const out = [...values].sort();
  let kept = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[kept++] = out[i];
  out.length = kept;
  return out;
}

/** `fields` as recorded: only the non-empty lists, sorted; undefined when all are empty. */
function entryOf(fields: ManagedFields): Partial<Record<keyof ManagedFields, string[]>> | undefined {
  let entry: Partial<Record<keyof ManagedFields, string[]>> | undefined;
  if (fields.annotations.length > 0) (entry ??= {}).annotations = sorted(fields.annotations);
  if (fields.data.length > 0) (entry ??= {}).data = sorted(fields.data);
  if (fields.labels.length > 0) (entry ??= {}).labels = sorted(fields.labels);
  return entry;
}

/**
 * Returns a copy of `annotations` with `esName`'s record replaced by `fields` (other ExternalSecrets'
 * records kept, all sorted by name); the annotation is removed when no record is left.
 */
export function withManagedFields(
  annotations: Readonly<Record<string, string>>,
  esName: string,
  fields: ManagedFields,
): Record<string, string> {
  const entry = entryOf(fields);
  const recorded = recordsOf(annotations, esName).all ?? {};
  const names = Object.keys(recorded).filter((name) => name !== esName);
  if (entry) names.push(esName);
  const out = { ...annotations };
  if (names.length === 0) {
    if (ANNOTATION_MANAGED_FIELDS in out) delete out[ANNOTATION_MANAGED_FIELDS];
    return out;
  }
  // Written member by member: an object keyed by ExternalSecret names would give V8 a new hidden
  // class per name.
  const members = names
    .sort()
    .map((name) => `${JSON.stringify(name)}:${JSON.stringify(name === esName ? entry : recorded[name])}`);
  out[ANNOTATION_MANAGED_FIELDS] = `{${members.join(',')}}`;
  return out;
}
