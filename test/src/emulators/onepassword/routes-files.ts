/** `/v1/vaults/{v}/items/{i}/files[/{f}[/content]]`: file metadata, inline base64 and raw bytes. */
import { fileFor, itemFor, vaultFor } from './access.js';
import { ConnectError, connectMessages } from './connect-error.js';
import type { FileRecord } from './model.js';
import type { Route } from './route-types.js';
import { wireFile } from './wire-out.js';

const FILES = '^/v1/vaults/([^/]+)/items/([^/]+)/files';

/** File endpoints; `maxInlineBytes` is Connect's `OP_MAX_INLINE_FILE_SIZE_KB` in bytes. */
export function fileRoutes(maxInlineBytes: number): readonly Route[] {
  const inline = (query: URLSearchParams, files: readonly FileRecord[]): boolean => {
    if (query.get('inline_files') !== 'true') return false;
    if (files.some((f) => f.content.byteLength > maxInlineBytes))
      throw new ConnectError(413, connectMessages.tooLargeToInline);
    return true;
  };
  return [
    {
      method: 'GET',
      pattern: new RegExp(`${FILES}$`),
      operation: 'GetItemFiles',
      auth: true,
      handle(context, { params, query }) {
        const item = itemFor(vaultFor(context, params[0]), params[1]);
        const withContent = inline(query, item.files);
        return { status: 200, json: item.files.map((f) => wireFile(item, f, withContent)) };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${FILES}/([^/]+)$`),
      operation: 'GetDetailsOfFileById',
      auth: true,
      handle(context, { params, query }) {
        const item = itemFor(vaultFor(context, params[0]), params[1]);
        const file = fileFor(item, params[2]);
        return { status: 200, json: wireFile(item, file, inline(query, [file])) };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${FILES}/([^/]+)/content$`),
      operation: 'DownloadFileByID',
      auth: true,
      handle(context, { params }) {
        const file = fileFor(itemFor(vaultFor(context, params[0]), params[1]), params[2]);
        return {
          status: 200,
          body: file.content,
          headers: {
            'content-type': 'application/octet-stream',
            'content-disposition': `attachment; filename="${file.name.replace(/["\\\r\n]/g, '_')}"`,
          },
        };
      },
    },
  ];
}
