/**
 * How `property` picks a value out of an item (documented in docs/providers/onepassword.md):
 *
 * - no property: the document's file for a DOCUMENT item, otherwise the password field (purpose
 *   PASSWORD, else the field labelled `password`);
 * - `field/<label>` or `file/<name>`: only a field, or only a file (ESO's syntax);
 * - anything else: a field with that label, then `<section>.<label>`, then a file with that name.
 *
 * A label or name that matches more than one field or file is an error listing where it occurs.
 */
import { InvalidRequestError } from '@tessera/core';
import type { ConnectField, ConnectFile, ConnectItem } from './connect-model.js';

/** An item together with where it lives and how to read its files. */
export interface ItemView {
  readonly item: ConnectItem;
  readonly vaultName: string;
  readonly readFile: (file: ConnectFile) => Promise<Uint8Array>;
}

const encoder = new TextEncoder();

/** `item "title" (id) in vault "name"`, for messages. */
export function describeItem(view: {
  readonly item: Pick<ConnectItem, 'title' | 'id'>;
  readonly vaultName: string;
}): string {
  return `item "${view.item.title}" (${view.item.id}) in vault "${view.vaultName}"`;
}

/** The value `property` names. */
export async function selectValue(view: ItemView, property: string | undefined): Promise<Uint8Array> {
  if (!property) return defaultValue(view);
  if (property.startsWith('field/'))
    return fieldBytes(requireOne(view, property, fieldsLabelled(view.item, property.slice(6)), 'field'));
  if (property.startsWith('file/'))
    return view.readFile(requireOne(view, property, filesNamed(view.item, property.slice(5)), 'file'));
  const fields = fieldsLabelled(view.item, property);
  if (fields.length > 0) return fieldBytes(requireOne(view, property, fields, 'field'));
  const files = filesNamed(view.item, property);
  if (files.length > 0) return view.readFile(requireOne(view, property, files, 'file'));
  throw new InvalidRequestError(
    `${describeItem(view)} has no field or file "${property}" (fields: ${list(view.item.fields.map((f) => f.label))}; ` +
      `files: ${list(view.item.files.map((f) => f.name))}); set remoteRef.property to one of them`,
  );
}

/** Every field and file of the item as key → value; keys are labels (`section.label` where labels repeat) and file names. */
export async function itemSecretMap(view: ItemView): Promise<Record<string, Uint8Array>> {
  const { item } = view;
  const result: Record<string, Uint8Array> = {};
  const put = (key: string, value: Uint8Array, what: string) => {
    if (key in result) {
      throw new InvalidRequestError(
        `${describeItem(view)} has two values under the key "${key}" (${what}); rename one in 1Password`,
      );
    }
    result[key] = value;
  };
  const counts = new Map<string, number>();
  for (const f of item.fields) counts.set(f.label, (counts.get(f.label) ?? 0) + 1);
  for (const field of item.fields) {
    const section = item.sections.find((s) => s.id === field.sectionId);
    const repeated = (counts.get(field.label) ?? 0) > 1 && section !== undefined;
    const key =
      field.label === ''
        ? (field.id ?? '')
        : repeated
          ? `${section.label ?? section.id}.${field.label}`
          : field.label;
    put(key, fieldBytes(field), `field "${key}"`);
  }
  for (const file of item.files) put(file.name, await view.readFile(file), `file "${file.name}"`);
  return result;
}

/** Fields whose label is `label`, or (when none) `<section label or id>.<field label>`. */
export function fieldsLabelled(item: ConnectItem, label: string): ConnectField[] {
  const direct = item.fields.filter((f) => f.label === label);
  if (direct.length > 0) return direct;
  const matches: ConnectField[] = [];
  for (let dot = label.indexOf('.'); dot > 0; dot = label.indexOf('.', dot + 1)) {
    const [sectionName, fieldLabel] = [label.slice(0, dot), label.slice(dot + 1)];
    const sections = item.sections
      .filter((s) => s.label === sectionName || s.id === sectionName)
      .map((s) => s.id);
    matches.push(
      ...item.fields.filter(
        (f) => f.sectionId !== undefined && sections.includes(f.sectionId) && f.label === fieldLabel,
      ),
    );
  }
  return matches;
}

function filesNamed(item: ConnectItem, name: string): ConnectFile[] {
  return item.files.filter((f) => f.name === name);
}

function defaultValue(view: ItemView): Promise<Uint8Array> | Uint8Array {
  const { item } = view;
  if (item.category === 'DOCUMENT') {
    const file = item.files[0];
    if (!file)
      throw new InvalidRequestError(
        `${describeItem(view)} is a document without a file; attach one or set remoteRef.property`,
      );
    return view.readFile(file);
  }
  const purposed = item.fields.filter((f) => f.purpose === 'PASSWORD');
  const candidates = purposed.length > 0 ? purposed : item.fields.filter((f) => f.label === 'password');
  if (candidates.length === 0) {
    throw new InvalidRequestError(
      `${describeItem(view)} has no password field; set remoteRef.property to one of its fields (${list(item.fields.map((f) => f.label))}) or files (${list(item.files.map((f) => f.name))})`,
    );
  }
  return fieldBytes(requireOne(view, 'password', candidates, 'field'));
}

function requireOne<T extends ConnectField | ConnectFile>(
  view: ItemView,
  property: string,
  found: T[],
  kind: 'field' | 'file',
): T {
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    const names =
      kind === 'field' ? view.item.fields.map((f) => f.label) : view.item.files.map((f) => f.name);
    throw new InvalidRequestError(
      `${describeItem(view)} has no ${kind} "${property}" (${kind}s: ${list(names)})`,
    );
  }
  const where = found.map((f) => sectionLabel(view.item, f.sectionId)).join(', ');
  throw new InvalidRequestError(
    `${kind} "${property}" occurs ${found.length} times in ${describeItem(view)} (in ${where}); ` +
      (kind === 'field'
        ? 'name it as "<section>.<label>" or give the fields distinct labels'
        : 'give the files distinct names'),
  );
}

function sectionLabel(item: ConnectItem, sectionId: string | undefined): string {
  if (sectionId === undefined) return 'no section';
  const section = item.sections.find((s) => s.id === sectionId);
  return `section "${section?.label ?? sectionId}"`;
}

function fieldBytes(field: ConnectField): Uint8Array {
  return encoder.encode(field.value ?? '');
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.map((n) => `"${n}"`).join(', ');
}
