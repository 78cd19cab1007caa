import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Verb } from '../api/kube-object.js';
import type { ResourceType } from '../api/resource-type.js';
import type { RequestRecord } from '../observability/request-log.js';
import type { EmulatorContext } from '../server/emulator-context.js';

/** Everything a resource handler needs about one request. */
export interface ResourceScope {
  readonly ctx: EmulatorContext;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly query: URLSearchParams;
  readonly type: ResourceType;
  readonly verb: Verb;
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: string;
  readonly record: RequestRecord;
  /** The request body as bytes (read once). */
  readonly bodyBytes: () => Promise<Buffer>;
  /** The request body as UTF-8 text. */
  readonly body: () => Promise<string>;
}
