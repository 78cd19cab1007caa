/** Serialises emulator records into Connect's JSON wire shapes (contract §1.4). */
import type { FieldRecord, FileRecord, ItemRecord, VaultRecord } from './model.js';
import { totpCode } from './totp.js';

/** `Vault` JSON. */
export function wireVault(vault: VaultRecord): Record<string, unknown> {
  return {
    id: vault.id,
    name: vault.name,
    description: vault.description,
    attributeVersion: vault.attributeVersion,
    contentVersion: vault.contentVersion,
    items: vault.items.size,
    type: vault.type,
    createdAt: vault.createdAt.toISOString(),
    updatedAt: vault.updatedAt.toISOString(),
  };
}

/** `Item` JSON: the summary list calls return, with no fields, sections or files. */
export function wireItemSummary(item: ItemRecord): Record<string, unknown> {
  return {
    id: item.id,
    title: item.title,
    vault: { id: item.vaultId },
    category: item.category,
    ...(item.urls.length > 0 ? { urls: item.urls.map((u) => ({ ...u })) } : {}),
    favorite: item.favorite,
    tags: [...item.tags],
    version: item.version,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    lastEditedBy: item.lastEditedBy,
  };
}

/** `FullItem` JSON. */
export function wireFullItem(item: ItemRecord): Record<string, unknown> {
  return {
    ...wireItemSummary(item),
    sections: item.sections.map((s) => ({ id: s.id, ...(s.label !== undefined ? { label: s.label } : {}) })),
    fields: item.fields.map(wireField),
    files: item.files.map((f) => wireFile(item, f, false)),
  };
}

/** `File` JSON; with `inline` the base64 `content` is included. */
export function wireFile(item: ItemRecord, file: FileRecord, inline: boolean): Record<string, unknown> {
  return {
    id: file.id,
    name: file.name,
    size: file.content.byteLength,
    content_path: `/v1/vaults/${item.vaultId}/items/${item.id}/files/${file.id}/content`,
    ...(file.sectionId ? { section: { id: file.sectionId } } : {}),
    ...(inline ? { content: Buffer.from(file.content).toString('base64') } : {}),
  };
}

function wireField(field: FieldRecord): Record<string, unknown> {
  const totp = field.type === 'OTP' && field.value ? totpCode(field.value) : undefined;
  return {
    id: field.id,
    ...(field.sectionId ? { section: { id: field.sectionId } } : {}),
    type: field.type,
    ...(field.purpose ? { purpose: field.purpose } : {}),
    ...(field.label !== undefined ? { label: field.label } : {}),
    ...(field.value !== undefined ? { value: field.value } : {}),
    ...(field.purpose === 'PASSWORD' && field.value ? { entropy: entropyOf(field.value) } : {}),
    ...(totp ? { totp } : {}),
  };
}

/** A rough password entropy in bits (length × log2 of the character classes used). */
function entropyOf(value: string): number {
  let pool = 0;
  if (/[a-z]/.test(value)) pool += 26;
  if (/[A-Z]/.test(value)) pool += 26;
  if (/[0-9]/.test(value)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(value)) pool += 33;
  return Math.round(value.length * Math.log2(Math.max(pool, 2)) * 10) / 10;
}
