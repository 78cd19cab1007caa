/**
 * `spec.provider.onepassword`, field for field as in ESO (`secretstore_onepassword_types.go`), so an
 * ESO store works unchanged. Tessera's own knobs live in store annotations (see
 * {@link ./onepassword-settings.ts}), never in this block.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MapOf, SecretKeySelectorSchema } from '@tessera/core';

/** `auth.secretRef`: where the Connect token is kept. */
export const OnePasswordAuthSchema = Type.Object(
  {
    secretRef: Type.Object(
      {
        connectTokenSecretRef: SecretKeySelectorSchema,
      },
      { description: 'OnePasswordAuthSecretRef holds secret references for 1Password credentials.' },
    ),
  },
  { description: 'OnePasswordAuth contains a secretRef for credentials.' },
);

/** `spec.provider.onepassword`. */
export const OnePasswordProviderSchema = Type.Object(
  {
    auth: OnePasswordAuthSchema,
    connectHost: Type.String({
      description: 'ConnectHost defines the OnePassword Connect Server to connect to',
    }),
    vaults: MapOf(Type.Integer(), {
      description: 'Vaults defines which OnePassword vaults to search in which order',
    }),
  },
  {
    description:
      'OnePasswordProvider configures a store to sync secrets using the 1Password Secret Manager provider.',
  },
);

/** The provider block, as validated. */
export type OnePasswordProviderSpec = Static<typeof OnePasswordProviderSchema>;
