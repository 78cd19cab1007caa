/** API group of every Tessera / ESO kind. */
export const API_GROUP = 'external-secrets.io';
/** apiVersion of ExternalSecret, SecretStore, ClusterSecretStore and ClusterExternalSecret. */
export const API_VERSION_V1 = 'external-secrets.io/v1';
/** apiVersion of PushSecret (ESO serves it only as v1alpha1). */
export const API_VERSION_V1ALPHA1 = 'external-secrets.io/v1alpha1';
/** Default apiVersion of a `generatorRef`. */
export const GENERATORS_API_VERSION = 'generators.external-secrets.io/v1alpha1';
