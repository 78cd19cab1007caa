import { forbidden, notFound } from '../api/api-error.js';
import type { ResourceType } from '../api/resource-type.js';
import type { ObjectStore } from '../storage/object-store.js';
import { NAMESPACES_KEY } from './write-options.js';

/**
 * The NamespaceLifecycle admission plugin: creates in a missing namespace get 404, in a terminating one 403.
 */
export function admitNamespacedCreate(
  store: ObjectStore,
  type: ResourceType,
  namespace: string,
  name: string,
): void {
  if (!type.namespaced) return;
  const ns = store.get(NAMESPACES_KEY, '', namespace);
  if (!ns) throw notFound({ group: '', resource: 'namespaces' }, namespace);
  if (ns.object.metadata.deletionTimestamp) {
    throw forbidden(
      { group: type.group, resource: type.plural },
      name,
      `unable to create new content in namespace ${namespace} because it is being terminated`,
      [
        {
          reason: 'NamespaceTerminating',
          message: `namespace ${namespace} is being terminated`,
          field: 'metadata.namespace',
        },
      ],
    );
  }
}
