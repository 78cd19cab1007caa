/**
 * Resolves the vault, item and file a path names, answering Connect's errors: 400 for a malformed
 * id, 403 for a vault out of scope, 404 for anything missing.
 */
import { ConnectError, connectMessages } from './connect-error.js';
import { isConnectId } from './ids.js';
import type { FileRecord, ItemRecord, VaultRecord } from './model.js';
import type { RouteContext } from './route-types.js';

/** The vault with this id, visible to the token. */
export function vaultFor(context: RouteContext, vaultId: string): VaultRecord {
  if (!isConnectId(vaultId)) throw new ConnectError(400, connectMessages.invalidVaultId);
  if (context.faults.isVaultDenied(vaultId))
    throw new ConnectError(403, connectMessages.vaultNotInScope(vaultId));
  const vault = context.store.vaults().find((v) => v.id === vaultId);
  if (!vault) throw new ConnectError(404, connectMessages.vaultNotFound(vaultId));
  return vault;
}

/** The item with this id in `vault`. */
export function itemFor(vault: VaultRecord, itemId: string): ItemRecord {
  if (!isConnectId(itemId)) throw new ConnectError(400, connectMessages.invalidItemId);
  const item = vault.items.get(itemId);
  if (!item) throw new ConnectError(404, connectMessages.itemNotFound(itemId));
  return item;
}

/** The file with this id on `item`. */
export function fileFor(item: ItemRecord, fileId: string): FileRecord {
  if (!isConnectId(fileId)) throw new ConnectError(400, connectMessages.invalidFileId);
  const file = item.files.find((f) => f.id === fileId);
  if (!file) throw new ConnectError(404, connectMessages.fileNotFound(fileId));
  return file;
}
