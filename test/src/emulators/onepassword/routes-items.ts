/** `/v1/vaults/{v}/items` and `/v1/vaults/{v}/items/{i}`: list, create, read, replace, patch, delete. */
import { itemFor, vaultFor } from './access.js';
import { matchesFilter, parseFilter, type ConnectFilter } from './filters.js';
import type { ItemRecord } from './model.js';
import { applyItemPatch } from './patch.js';
import type { Route } from './route-types.js';
import { applyReplaceBody, itemFromCreateBody } from './wire-in.js';
import { wireFullItem, wireItemSummary } from './wire-out.js';

const ITEMS = '^/v1/vaults/([^/]+)/items';

/** Item endpoints. */
export const itemRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`${ITEMS}$`),
    operation: 'GetVaultItems',
    auth: true,
    handle(context, { params, query }) {
      const vault = vaultFor(context, params[0]);
      const raw = query.get('filter');
      const filter = raw === null ? undefined : parseFilter(raw, ['title', 'tag']);
      const items = [...vault.items.values()].filter((item) => !filter || itemMatches(filter, item));
      return { status: 200, json: items.map(wireItemSummary) };
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`${ITEMS}$`),
    operation: 'CreateVaultItem',
    auth: true,
    handle(context, { params, body }) {
      const vault = vaultFor(context, params[0]);
      const item = itemFromCreateBody(vault.id, body);
      context.store.insertItem(vault, item);
      return { status: 200, json: wireFullItem(item) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`${ITEMS}/([^/]+)$`),
    operation: 'GetVaultItemById',
    auth: true,
    handle(context, { params }) {
      return { status: 200, json: wireFullItem(itemFor(vaultFor(context, params[0]), params[1])) };
    },
  },
  {
    method: 'PUT',
    pattern: new RegExp(`${ITEMS}/([^/]+)$`),
    operation: 'UpdateVaultItem',
    auth: true,
    handle(context, { params, body }) {
      const item = itemFor(vaultFor(context, params[0]), params[1]);
      applyReplaceBody(item, body);
      context.store.bumpVersion(item);
      return { status: 200, json: wireFullItem(item) };
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`${ITEMS}/([^/]+)$`),
    operation: 'PatchVaultItem',
    auth: true,
    handle(context, { params, body }) {
      const item = itemFor(vaultFor(context, params[0]), params[1]);
      if (body === undefined || (Array.isArray(body) && body.length === 0)) {
        return { status: 200, json: wireFullItem(item) };
      }
      applyReplaceBody(item, applyItemPatch(wireFullItem(item), body));
      context.store.bumpVersion(item);
      return { status: 200, json: wireFullItem(item) };
    },
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`${ITEMS}/([^/]+)$`),
    operation: 'DeleteVaultItem',
    auth: true,
    handle(context, { params }) {
      const item = itemFor(vaultFor(context, params[0]), params[1]);
      context.store.deleteItem(item.vaultId, item.id);
      return { status: 204 };
    },
  },
];

function itemMatches(filter: ConnectFilter, item: ItemRecord): boolean {
  if (filter.attribute === 'tag') return item.tags.some((tag) => matchesFilter(filter, tag));
  return matchesFilter(filter, item.title);
}
