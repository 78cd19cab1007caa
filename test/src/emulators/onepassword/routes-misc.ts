/** `/heartbeat`, `/health`, `/metrics` (no auth, at the root) and `/v1/activity`. */
import { randomUUID } from 'node:crypto';
import type { LoggedRequest } from './request-log.js';
import type { Route } from './route-types.js';

/** The Connect version the emulator reports (the OpenAPI spec it follows). */
export const EMULATED_CONNECT_VERSION = '1.7.1';

const ACTIONS: Readonly<Record<string, string>> = {
  GET: 'READ',
  POST: 'CREATE',
  PUT: 'UPDATE',
  PATCH: 'UPDATE',
  DELETE: 'DELETE',
};

/** Health, metrics and activity endpoints. */
export const miscRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/heartbeat$/,
    operation: 'GetHeartbeat',
    auth: false,
    handle: () => ({ status: 200, body: '.', headers: { 'content-type': 'text/plain' } }),
  },
  {
    method: 'GET',
    pattern: /^\/health$/,
    operation: 'GetServerHealth',
    auth: false,
    handle: () => ({
      status: 200,
      json: {
        name: '1Password Connect API',
        version: EMULATED_CONNECT_VERSION,
        dependencies: [
          { service: 'sync', status: 'ACTIVE', message: 'emulated' },
          { service: 'sqlite', status: 'ACTIVE', message: 'Connected to in-memory store' },
        ],
      },
    }),
  },
  {
    method: 'GET',
    pattern: /^\/metrics$/,
    operation: 'GetPrometheusMetrics',
    auth: false,
    handle: ({ log }) => {
      const lines = [
        '# HELP connect_emulator_requests_total Requests received, by operation.',
        '# TYPE connect_emulator_requests_total counter',
      ];
      for (const [operation, count] of Object.entries(log.counts()))
        lines.push(`connect_emulator_requests_total{operation="${operation}"} ${count}`);
      return {
        status: 200,
        body: `${lines.join('\n')}\n`,
        headers: { 'content-type': 'text/plain; version=0.0.4' },
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/activity$/,
    operation: 'GetApiActivity',
    auth: true,
    handle: ({ log }, { query }) => {
      const limit = Math.max(0, Number(query.get('limit') ?? 50) || 50);
      const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
      const all = log.entries.filter((e) => e.vaultId !== undefined);
      const page = all.slice(offset, offset + limit);
      const range =
        page.length === 0 ? `0-0/${all.length}` : `${offset + 1}-${offset + page.length}/${all.length}`;
      return { status: 200, json: page.map(activityOf), headers: { 'content-range': range } };
    },
  },
];

function activityOf(entry: LoggedRequest): Record<string, unknown> {
  return {
    requestId: randomUUID(),
    timestamp: entry.at.toISOString(),
    action: ACTIONS[entry.method] ?? 'READ',
    result: entry.status < 400 ? 'SUCCESS' : 'DENY',
    actor: {
      id: randomUUID(),
      account: 'EMULATOR',
      jti: 'emulator',
      userAgent: entry.userAgent ?? '',
      requestIp: '127.0.0.1',
    },
    resource: {
      type: entry.itemId ? 'ITEM' : 'VAULT',
      vault: { id: entry.vaultId },
      ...(entry.itemId ? { item: { id: entry.itemId } } : {}),
    },
  };
}
