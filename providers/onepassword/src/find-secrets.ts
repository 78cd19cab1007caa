/**
 * `dataFrom.find` for 1Password, as ESO defines it: remote names are field labels and file names.
 * Every vault is searched in priority order (ESO stops after the first vault when `tags` are set;
 * Tessera does not), and the first item to provide a name wins.
 *
 * - `path`: only items with exactly this title;
 * - `tags`: only items carrying every tag. A tag `key: value` matches an item tag `key` (ESO: the
 *   value is ignored) or `key:value` / `key=value`;
 * - `name.regexp` (RE2): only labels and file names it matches (unanchored).
 *
 * Items are filtered on their summaries first, so only candidates are read (from the cache when
 * their version is unchanged).
 */
import { InvalidRequestError, type FindQuery } from '@tessera/core';
import { RE2JS } from 're2js';
import type { ConnectItemSummary } from './connect-model.js';
import type { LocatedItem } from './item-locator.js';
import type { ItemView } from './item-values.js';

/** What the finder needs from the client. */
export interface FindSources {
  /** Every item summary of every vault, vault by vault in priority order. */
  summariesByVault(): Promise<
    {
      vaultName: string;
      items: readonly ConnectItemSummary[];
      located: (s: ConnectItemSummary) => LocatedItem;
    }[]
  >;
  /** Reads an item (cached by version). */
  view(located: LocatedItem): Promise<ItemView>;
}

/** Runs a find query. */
export async function findSecrets(
  sources: FindSources,
  find: FindQuery,
): Promise<Record<string, Uint8Array>> {
  const matcher = compile(find.name?.regexp);
  const result: Record<string, Uint8Array> = {};
  for (const vault of await sources.summariesByVault()) {
    const candidates = vault.items
      .filter((s) => find.path === undefined || find.path === '' || s.title === find.path)
      .filter((s) => hasTags(s.tags, find.tags))
      .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    for (const summary of candidates) {
      const view = await sources.view(vault.located(summary));
      for (const field of view.item.fields) {
        if (field.label === '' || field.label in result || !matcher(field.label)) continue;
        result[field.label] = new TextEncoder().encode(field.value ?? '');
      }
      for (const file of view.item.files) {
        if (file.name in result || !matcher(file.name)) continue;
        result[file.name] = await view.readFile(file);
      }
    }
  }
  return result;
}

/** True when `itemTags` satisfy every wanted tag. */
export function hasTags(
  itemTags: readonly string[],
  wanted: Readonly<Record<string, string>> | undefined,
): boolean {
  if (!wanted) return true;
  return Object.entries(wanted).every(
    ([key, value]) =>
      itemTags.includes(key) || itemTags.includes(`${key}:${value}`) || itemTags.includes(`${key}=${value}`),
  );
}

function compile(regexp: string | undefined): (name: string) => boolean {
  if (regexp === undefined || regexp === '') return () => true;
  try {
    const re = RE2JS.compile(regexp);
    return (name) => re.matcher(name).find();
  } catch (cause) {
    throw new InvalidRequestError(
      `dataFrom.find.name.regexp "${regexp}" is not a valid RE2 expression; fix the pattern`,
      { cause },
    );
  }
}
