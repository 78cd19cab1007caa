/**
 * The provider's own view of Connect objects, decoupled from the SDK's classes (only
 * `onepassword-api.ts` sees those). Everything here is plain data.
 */

/** A vault as listed. */
export interface ConnectVault {
  readonly id: string;
  readonly name: string;
}

/** An item summary, as one list call per vault returns it: enough to tell what changed. */
export interface ConnectItemSummary {
  readonly id: string;
  readonly title: string;
  readonly vaultId: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly version: number;
}

/** A section of an item. */
export interface ConnectSection {
  readonly id: string;
  readonly label?: string;
}

/** A field of an item. */
export interface ConnectField {
  readonly id?: string;
  readonly label: string;
  readonly value?: string;
  readonly type: string;
  readonly purpose?: string;
  readonly sectionId?: string;
}

/** A file attached to an item (its content is read separately). */
export interface ConnectFile {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly sectionId?: string;
}

/** A full item. `source` is the SDK object it came from, kept so an update sends every attribute back. */
export interface ConnectItem extends ConnectItemSummary {
  readonly sections: readonly ConnectSection[];
  readonly fields: readonly ConnectField[];
  readonly files: readonly ConnectFile[];
  readonly source: unknown;
}

/** What a new item is made of. */
export interface ConnectItemDraft {
  readonly title: string;
  readonly category: string;
  readonly tags: readonly string[];
  readonly fields: readonly ConnectField[];
}

/** The Connect calls the provider makes. Rejects with {@link ConnectApiError} or a Tessera error. */
export interface ConnectApi {
  listVaults(): Promise<ConnectVault[]>;
  getVault(vaultId: string): Promise<ConnectVault>;
  listItems(vaultId: string): Promise<ConnectItemSummary[]>;
  getItem(vaultId: string, itemId: string): Promise<ConnectItem>;
  getFileContent(vaultId: string, itemId: string, fileId: string): Promise<Uint8Array>;
  createItem(vaultId: string, draft: ConnectItemDraft): Promise<ConnectItem>;
  /** Sends `current` back with its fields and tags replaced (a full PUT). */
  updateItem(
    vaultId: string,
    current: ConnectItem,
    changes: { fields: readonly ConnectField[]; tags: readonly string[] },
  ): Promise<ConnectItem>;
  deleteItem(vaultId: string, itemId: string): Promise<void>;
}

/** A failed Connect call: the HTTP status (0 when the server was not reached) and Connect's message. */
export class ConnectApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConnectApiError';
  }

  /** `HTTP 404: item … not found`, or `no response: …` for connection errors. */
  describe(): string {
    return this.status === 0 ? `no response: ${this.message}` : `HTTP ${this.status}: ${this.message}`;
  }
}
