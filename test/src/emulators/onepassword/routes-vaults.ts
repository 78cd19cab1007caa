/** `/v1/vaults` and `/v1/vaults/{id}`. */
import { vaultFor } from './access.js';
import { matchesFilter, parseFilter } from './filters.js';
import type { Route } from './route-types.js';
import { wireVault } from './wire-out.js';

const ID = '([^/]+)';

/** Vault endpoints. */
export const vaultRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/vaults$/,
    operation: 'GetVaults',
    auth: true,
    handle({ store, faults }, { query }) {
      const raw = query.get('filter');
      // Both SDKs filter vaults by `title`; the docs say `name`. Connect accepts both.
      const filter = raw === null ? undefined : parseFilter(raw, ['title', 'name']);
      const vaults = store
        .vaults()
        .filter((v) => !faults.isVaultDenied(v.id))
        .filter((v) => !filter || matchesFilter(filter, v.name));
      return { status: 200, json: vaults.map(wireVault) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/v1/vaults/${ID}$`),
    operation: 'GetVaultById',
    auth: true,
    handle(context, { params }) {
      return { status: 200, json: wireVault(vaultFor(context, params[0])) };
    },
  },
];
