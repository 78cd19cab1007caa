import { badRequest } from '../api/api-error.js';
import { parseFieldSelector } from '../selectors/field-selector.js';
import { parseLabelSelector } from '../selectors/label-selector.js';
import { WatchStream } from '../watch/watch-stream.js';
import { positiveInt } from './request-options.js';
import type { ResourceScope } from './resource-scope.js';

/** Parses the `resourceVersion` of a watch: undefined means "current state first" ("" and "0"). */
function startVersion(value: string | null): number | undefined {
  if (value === null || value === '' || value === '0') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw badRequest(`resourceVersion: Invalid value: "${value}": must be a non-negative integer`);
  return n;
}

/** `?watch=true`: validates the request (errors go out as plain Status replies), then streams. */
export function handleWatch(scope: ResourceScope): void {
  const { query, type } = scope;
  const labels = parseLabelSelector(query.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(type, query.get('fieldSelector') ?? undefined);
  const rv = startVersion(query.get('resourceVersion'));
  const stream = new WatchStream(scope.ctx, scope.res, {
    type,
    namespace: scope.namespace,
    labels,
    fields,
    allowBookmarks: query.get('allowWatchBookmarks') === 'true',
    timeoutSeconds: positiveInt(query, 'timeoutSeconds'),
  });
  stream.start(rv === undefined ? undefined : Math.min(rv, scope.ctx.store.currentRv));
}
