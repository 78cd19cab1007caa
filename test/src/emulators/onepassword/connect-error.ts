/** An error the emulator answers with Connect's error body `{"status": <int>, "message": "<text>"}`. */
export class ConnectError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ConnectError';
  }
}

/** The messages Connect uses, by case (contract §1.5). */
export const connectMessages = {
  invalidToken: 'Invalid token signature',
  vaultNotFound: (id: string) => `vault ${id} not found`,
  vaultNotInScope: (id: string) => `vault ${id} is not in scope`,
  itemNotFound: (id: string) => `item ${id} not found`,
  fileNotFound: (id: string) => `file ${id} not found`,
  invalidVaultId: 'Invalid Vault UUID',
  invalidItemId: 'Invalid Item UUID',
  invalidFileId: 'Invalid File UUID',
  invalidCategory: 'Invalid item category',
  invalidFilter: (filter: string) => `Invalid filter: ${filter}`,
  tooLargeToInline:
    'File is too large to inline in request. Use the /v1/vaults/{vaultUUID}/items/{itemUUID}/files/{fileUUID}/content endpoint instead.',
} as const;
