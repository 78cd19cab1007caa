/**
 * Reads a `FullItem` request body (POST/PUT) into an item record, assigning ids the way Connect
 * does. Invalid input raises a 400 {@link ConnectError}.
 */
import { randomInt } from 'node:crypto';
import { ConnectError, connectMessages } from './connect-error.js';
import { newConnectId } from './ids.js';
import { ITEM_CATEGORIES, type FieldRecord, type ItemRecord, type SectionRecord } from './model.js';

type Json = Record<string, unknown>;

/** Builds the record a POST creates (version 1, fresh id, no files: Connect cannot upload files). */
export function itemFromCreateBody(vaultId: string, body: unknown): ItemRecord {
  const wire = requireObject(body);
  const category = readCategory(wire);
  if (category === 'DOCUMENT')
    throw new ConnectError(400, 'DOCUMENT items cannot be created through Connect');
  const now = new Date();
  return {
    id: newConnectId(),
    vaultId,
    version: 1,
    createdAt: now,
    files: [],
    ...readContent(wire, category),
    updatedAt: now,
  };
}

/** Applies a PUT body to `existing` (full replacement; files are kept, version is bumped by the caller). */
export function applyReplaceBody(existing: ItemRecord, body: unknown): void {
  const wire = requireObject(body);
  if (wire.id !== undefined && wire.id !== existing.id) {
    throw new ConnectError(
      400,
      `item id in the body (${String(wire.id)}) does not match the path (${existing.id})`,
    );
  }
  const category = wire.category === undefined ? existing.category : readCategory(wire);
  Object.assign(existing, readContent(wire, category));
}

function readContent(wire: Json, category: string) {
  const sections = readSections(wire.sections);
  return {
    title: typeof wire.title === 'string' ? wire.title : '',
    category,
    tags: readStrings(wire.tags, 'tags'),
    urls: Array.isArray(wire.urls) ? wire.urls.map((u) => requireObject(u)).map(readUrl) : [],
    favorite: wire.favorite === true,
    lastEditedBy: 'connect-api',
    sections,
    fields: Array.isArray(wire.fields) ? wire.fields.map((f) => readField(requireObject(f), sections)) : [],
  };
}

function readCategory(wire: Json): string {
  const category = wire.category;
  if (typeof category !== 'string' || !(ITEM_CATEGORIES as readonly string[]).includes(category)) {
    throw new ConnectError(400, connectMessages.invalidCategory);
  }
  return category;
}

function readSections(value: unknown): SectionRecord[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ConnectError(400, 'Invalid item: sections must be an array');
  return value.map((s) => {
    const section = requireObject(s);
    const id = typeof section.id === 'string' && section.id !== '' ? section.id : newConnectId();
    return { id, ...(typeof section.label === 'string' ? { label: section.label } : {}) };
  });
}

function readField(field: Json, sections: SectionRecord[]): FieldRecord {
  const sectionId =
    typeof field.section === 'object' && field.section ? (field.section as Json).id : undefined;
  if (typeof sectionId === 'string' && !sections.some((s) => s.id === sectionId))
    sections.push({ id: sectionId });
  const value = typeof field.value === 'string' ? field.value : undefined;
  return {
    id: typeof field.id === 'string' && field.id !== '' ? field.id : newConnectId(),
    type: typeof field.type === 'string' ? field.type.toUpperCase() : 'STRING',
    ...(typeof field.purpose === 'string' && field.purpose !== ''
      ? { purpose: field.purpose as FieldRecord['purpose'] }
      : {}),
    ...(typeof field.label === 'string' ? { label: field.label } : {}),
    ...(value !== undefined ? { value } : field.generate === true ? { value: generate(field.recipe) } : {}),
    ...(typeof sectionId === 'string' ? { sectionId } : {}),
  };
}

function readUrl(url: Json) {
  if (typeof url.href !== 'string') throw new ConnectError(400, 'Invalid item: every url needs an href');
  return {
    href: url.href,
    ...(typeof url.label === 'string' ? { label: url.label } : {}),
    ...(typeof url.primary === 'boolean' ? { primary: url.primary } : {}),
  };
}

function readStrings(value: unknown, what: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ConnectError(400, `Invalid item: ${what} must be an array of strings`);
  }
  return [...(value as string[])];
}

/** A value generated from a `GeneratorRecipe` (default 32 characters of letters, digits and symbols). */
function generate(recipe: unknown): string {
  const spec = (typeof recipe === 'object' && recipe ? recipe : {}) as Json;
  const length = typeof spec.length === 'number' ? Math.min(Math.max(spec.length, 1), 64) : 32;
  const sets =
    Array.isArray(spec.characterSets) && spec.characterSets.length > 0
      ? spec.characterSets
      : ['LETTERS', 'DIGITS', 'SYMBOLS'];
  const exclude = typeof spec.excludeCharacters === 'string' ? spec.excludeCharacters : '';
  const pools: Record<string, string> = {
    LETTERS: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
    DIGITS: '0123456789',
    SYMBOLS: '!@#$%^&*()-_=+[]{};:,.?',
  };
  const pool = [...sets.map((s) => pools[String(s)] ?? '').join('')].filter((c) => !exclude.includes(c));
  if (pool.length === 0) throw new ConnectError(400, 'Invalid recipe: no characters left to generate from');
  return Array.from({ length }, () => pool[randomInt(pool.length)]).join('');
}

function requireObject(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConnectError(400, 'Invalid item: the request body must be a JSON object');
  }
  return value as Json;
}
