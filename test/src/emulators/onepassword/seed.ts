/**
 * The emulator's seed document: `token` (optional) and `vaults: {<vault>: {<item title>: SeedItem}}`.
 * Binary file content is written in YAML as `!!binary` (base64) and arrives as bytes.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** A field in a seed: its value, or an object with the value and its details. */
export type SeedField =
  | string
  | {
      readonly value?: string;
      readonly type?: string;
      readonly purpose?: '' | 'USERNAME' | 'PASSWORD' | 'NOTES';
      /** Label of the section the field sits in; created when missing. */
      readonly section?: string;
      readonly id?: string;
    };

/** A file in a seed: text, bytes (`!!binary`), or an object with the content and a section. */
export type SeedFile =
  | string
  | Uint8Array
  | { readonly content: string | Uint8Array; readonly section?: string; readonly id?: string };

/** One item of a seed. */
export interface SeedItem {
  /** Fixed id (26 chars of `[a-z0-9]`). @default a random id */
  readonly id?: string;
  /** @default 'DOCUMENT' when the item has files but no fields, otherwise 'LOGIN' */
  readonly category?: string;
  /** @default [] */
  readonly tags?: readonly string[];
  /** Field label → value. @default {} */
  readonly fields?: Readonly<Record<string, SeedField>>;
  /** File name → content. @default {} */
  readonly files?: Readonly<Record<string, SeedFile>>;
  /** @default [] */
  readonly urls?: readonly string[];
}

/** The whole seed document. */
export interface SeedDoc {
  /** Connect token the emulator accepts. @default a random token */
  readonly token?: string;
  /** Vault name → item title → item. @default {} */
  readonly vaults?: Readonly<Record<string, Readonly<Record<string, SeedItem>> | null>>;
}

/** Parses seed YAML text (with `!!binary` support). Throws naming the problem when the shape is wrong. */
export function parseSeed(text: string): SeedDoc {
  const doc: unknown = parse(text, { customTags: ['binary'] }) ?? {};
  return checkSeed(doc);
}

/** Reads and parses a seed YAML file. */
export async function loadSeedFile(path: string): Promise<SeedDoc> {
  return parseSeed(await readFile(path, 'utf8'));
}

function checkSeed(doc: unknown): SeedDoc {
  if (!isRecord(doc))
    throw new Error('Connect seed must be a YAML mapping with optional "token" and "vaults" keys');
  if (doc.token !== undefined && typeof doc.token !== 'string')
    throw new Error('Connect seed "token" must be a string');
  if (doc.vaults !== undefined && doc.vaults !== null && !isRecord(doc.vaults)) {
    throw new Error('Connect seed "vaults" must map vault names to items');
  }
  for (const [vaultName, items] of Object.entries((doc.vaults as Record<string, unknown>) ?? {})) {
    if (items === null) continue;
    if (!isRecord(items)) throw new Error(`Connect seed vault "${vaultName}" must map item titles to items`);
    for (const [title, item] of Object.entries(items)) {
      if (!isRecord(item))
        throw new Error(`Connect seed item "${title}" in vault "${vaultName}" must be a mapping`);
    }
  }
  return doc as SeedDoc;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}
