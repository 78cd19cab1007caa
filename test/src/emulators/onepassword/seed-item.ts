/** Turns a {@link SeedItem} into an {@link ItemRecord}, inferring field types and purposes as 1Password does. */
import { newConnectId } from './ids.js';
import type { FieldPurpose, FieldRecord, FileRecord, ItemRecord, SectionRecord } from './model.js';
import type { SeedField, SeedFile, SeedItem } from './seed.js';

const PURPOSE_BY_LABEL: Readonly<Record<string, FieldPurpose>> = {
  username: 'USERNAME',
  password: 'PASSWORD',
  notesPlain: 'NOTES',
};

/** Builds a new item record (version 1) for `vaultId` from a seed entry. */
export function itemFromSeed(vaultId: string, title: string, seed: SeedItem, now: Date): ItemRecord {
  const fields = Object.entries(seed.fields ?? {});
  const files = Object.entries(seed.files ?? {});
  const category = seed.category ?? (fields.length === 0 && files.length > 0 ? 'DOCUMENT' : 'LOGIN');
  const sections: SectionRecord[] = [];
  const sectionId = (label: string | undefined): string | undefined => {
    if (label === undefined) return undefined;
    let section = sections.find((s) => s.label === label);
    if (!section) sections.push((section = { id: newConnectId(), label }));
    return section.id;
  };
  return {
    id: seed.id ?? newConnectId(),
    vaultId,
    title,
    category,
    tags: [...(seed.tags ?? [])],
    urls: (seed.urls ?? []).map((href, i) => ({ href, primary: i === 0 })),
    favorite: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
    lastEditedBy: 'emulator',
    sections,
    fields: fields.map(([label, field]) => fieldFromSeed(label, field, category, sectionId)),
    files: files.map(([name, file]) => fileFromSeed(name, file, sectionId)),
  };
}

/** Builds a field record the way 1Password types a field with that label and value. */
export function fieldFromSeed(
  label: string,
  seed: SeedField,
  category: string,
  sectionId: (label: string | undefined) => string | undefined = () => undefined,
): FieldRecord {
  const spec = typeof seed === 'string' ? { value: seed } : seed;
  const inSection = spec.section !== undefined;
  const purpose = spec.purpose ?? (inSection || !hasPurposes(category) ? undefined : PURPOSE_BY_LABEL[label]);
  return {
    id: spec.id ?? (purpose ? label : newConnectId()),
    type: spec.type ?? inferType(label, spec.value, purpose),
    ...(purpose ? { purpose } : {}),
    label,
    ...(spec.value !== undefined ? { value: String(spec.value) } : {}),
    ...(inSection ? { sectionId: sectionId(spec.section) } : {}),
  };
}

/** Builds a file record from text or bytes. */
export function fileFromSeed(
  name: string,
  seed: SeedFile,
  sectionId: (label: string | undefined) => string | undefined = () => undefined,
): FileRecord {
  const spec = typeof seed === 'string' || seed instanceof Uint8Array ? { content: seed } : seed;
  const content =
    typeof spec.content === 'string' ? new TextEncoder().encode(spec.content) : new Uint8Array(spec.content);
  const section = sectionId(spec.section);
  return { id: spec.id ?? newConnectId(), name, content, ...(section ? { sectionId: section } : {}) };
}

function hasPurposes(category: string): boolean {
  return category === 'LOGIN' || category === 'PASSWORD';
}

function inferType(label: string, value: string | undefined, purpose: FieldPurpose | undefined): string {
  if (value?.startsWith('otpauth://')) return 'OTP';
  if (purpose === 'PASSWORD' || /password|secret|token|key|credential/i.test(label)) return 'CONCEALED';
  return 'STRING';
}
