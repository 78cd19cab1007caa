/**
 * The only module that imports the `@1password/connect` SDK. It builds an SDK client that sends
 * through {@link ConnectTransport}, calls the SDK functions that make exactly one request each
 * (ids only, never titles, so no hidden look-ups), and maps SDK objects to {@link ./connect-model.ts}.
 */
import { OnePasswordConnect, type FullItem, type OPConnect } from '@1password/connect';
import { TesseraError } from '@tessera/core';
import type { Readable } from 'node:stream';
import {
  ConnectApiError,
  type ConnectApi,
  type ConnectField,
  type ConnectItem,
  type ConnectItemDraft,
  type ConnectItemSummary,
  type ConnectVault,
} from './connect-model.js';
import type { ConnectTransport } from './connect-transport.js';

/** Options of {@link createConnectApi}. */
export interface ConnectApiOptions {
  /** `connectHost` of the store. */
  readonly serverUrl: string;
  readonly token: string;
  readonly transport: ConnectTransport;
}

type SdkItem = Omit<FullItem, 'extractOTP'> & { extractOTP?: unknown };
type SdkField = NonNullable<FullItem['fields']>[number];

/** A {@link ConnectApi} over the SDK for one token. */
export function createConnectApi(options: ConnectApiOptions): ConnectApi {
  const sdk = OnePasswordConnect({
    serverURL: options.serverUrl,
    token: options.token,
    httpClient: options.transport,
  });
  return new SdkConnectApi(sdk);
}

class SdkConnectApi implements ConnectApi {
  constructor(private readonly sdk: OPConnect) {}

  listVaults(): Promise<ConnectVault[]> {
    return call(async () =>
      (await this.sdk.listVaults()).map((v) => ({ id: v.id ?? '', name: v.name ?? '' })),
    );
  }

  getVault(vaultId: string): Promise<ConnectVault> {
    return call(async () => {
      const vault = await this.sdk.getVaultById(vaultId);
      return { id: vault.id ?? vaultId, name: vault.name ?? '' };
    });
  }

  listItems(vaultId: string): Promise<ConnectItemSummary[]> {
    return call(async () =>
      (await this.sdk.listItems(vaultId)).map((item) => summaryOf(item as SdkItem, vaultId)),
    );
  }

  getItem(vaultId: string, itemId: string): Promise<ConnectItem> {
    return call(async () => itemOf(await this.sdk.getItemById(vaultId, itemId), vaultId));
  }

  getFileContent(vaultId: string, itemId: string, fileId: string): Promise<Uint8Array> {
    return call(async () => {
      const stream = (await this.sdk.getFileContentStream(vaultId, itemId, fileId)) as Readable;
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
      return new Uint8Array(Buffer.concat(chunks));
    });
  }

  createItem(vaultId: string, draft: ConnectItemDraft): Promise<ConnectItem> {
    const item = {
      title: draft.title,
      category: draft.category,
      vault: { id: vaultId },
      tags: [...draft.tags],
      fields: draft.fields.map((f) => sdkFieldOf(f)),
    } as unknown as FullItem;
    return call(async () => itemOf(await this.sdk.createItem(vaultId, item), vaultId));
  }

  updateItem(
    vaultId: string,
    current: ConnectItem,
    changes: { fields: readonly ConnectField[]; tags: readonly string[] },
  ): Promise<ConnectItem> {
    const source = current.source as SdkItem;
    const previous = new Map((source.fields ?? []).filter((f) => f.id).map((f) => [f.id, f]));
    const item = {
      ...source,
      tags: [...changes.tags],
      fields: changes.fields.map((f) => sdkFieldOf(f, f.id ? previous.get(f.id) : undefined)),
    } as unknown as FullItem;
    return call(async () => itemOf(await this.sdk.updateItem(vaultId, item), vaultId));
  }

  deleteItem(vaultId: string, itemId: string): Promise<void> {
    return call(async () => {
      await this.sdk.deleteItemById(vaultId, itemId);
    });
  }
}

/** Runs an SDK call and normalises what it rejects with (`{status, message}` bodies, axios errors). */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof TesseraError || error instanceof ConnectApiError) throw error;
    if (
      typeof error === 'object' &&
      error !== null &&
      typeof (error as { status?: unknown }).status === 'number'
    ) {
      const { status, message } = error as { status: number; message?: unknown };
      throw new ConnectApiError(status, typeof message === 'string' ? message : `HTTP ${status}`);
    }
    throw new ConnectApiError(0, error instanceof Error ? error.message : String(error), { cause: error });
  }
}

function summaryOf(item: SdkItem, vaultId: string): ConnectItemSummary {
  return {
    id: item.id ?? '',
    title: item.title ?? '',
    vaultId: item.vault?.id ?? vaultId,
    category: String(item.category ?? ''),
    tags: [...(item.tags ?? [])],
    version: item.version ?? 0,
  };
}

function itemOf(item: FullItem, vaultId: string): ConnectItem {
  return {
    ...summaryOf(item as SdkItem, vaultId),
    sections: (item.sections ?? []).map((s) => ({
      id: s.id ?? '',
      ...(s.label !== undefined ? { label: s.label } : {}),
    })),
    fields: (item.fields ?? []).map((f) => ({
      ...(f.id !== undefined ? { id: f.id } : {}),
      label: f.label ?? '',
      ...(f.value !== undefined ? { value: f.value } : {}),
      type: String(f.type ?? 'STRING'),
      ...(f.purpose ? { purpose: String(f.purpose) } : {}),
      ...(f.section?.id ? { sectionId: f.section.id } : {}),
    })),
    files: (item.files ?? []).map((f) => ({
      id: f.id ?? '',
      name: f.name ?? '',
      size: f.size ?? 0,
      ...(f.section?.id ? { sectionId: f.section.id } : {}),
    })),
    source: item,
  };
}

function sdkFieldOf(field: ConnectField, previous?: SdkField): SdkField {
  return {
    ...(previous ?? {}),
    ...(field.id !== undefined ? { id: field.id } : {}),
    label: field.label,
    value: field.value,
    type: field.type,
    ...(field.purpose ? { purpose: field.purpose } : {}),
    ...(field.sectionId ? { section: { id: field.sectionId } } : {}),
  } as unknown as SdkField;
}
