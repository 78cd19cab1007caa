/** Connect endpoints named by their OpenAPI `operationId`, the unit the request log counts. */
export type ConnectOperation =
  | 'GetVaults'
  | 'GetVaultById'
  | 'GetVaultItems'
  | 'CreateVaultItem'
  | 'GetVaultItemById'
  | 'UpdateVaultItem'
  | 'PatchVaultItem'
  | 'DeleteVaultItem'
  | 'GetItemFiles'
  | 'GetDetailsOfFileById'
  | 'DownloadFileByID'
  | 'GetApiActivity'
  | 'GetHeartbeat'
  | 'GetServerHealth'
  | 'GetPrometheusMetrics'
  | 'Unknown';

/** Operations that read or look up a vault (the ones a provider should cache for its lifetime). */
export const VAULT_LOOKUP_OPERATIONS: readonly ConnectOperation[] = ['GetVaults', 'GetVaultById'];
