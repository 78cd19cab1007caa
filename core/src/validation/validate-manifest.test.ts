import { Type } from '@sinclair/typebox';
import type { ProviderDescriptor } from '../provider/provider.js';
import { createManifestValidator } from './validate-manifest.js';

const connectLike: ProviderDescriptor = {
  name: 'onepassword',
  schema: Type.Object({
    connectHost: Type.String(),
    vaults: Type.Unsafe<Record<string, number>>({
      type: 'object',
      additionalProperties: { type: 'integer' },
    }),
    auth: Type.Object({
      secretRef: Type.Object({
        connectTokenSecretRef: Type.Object({ name: Type.String(), key: Type.String() }),
      }),
    }),
  }),
  capabilities: 'ReadOnly',
};

const aStore = (block: Record<string, unknown>) => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'SecretStore',
  metadata: { name: 'op' },
  spec: { provider: { onepassword: { connectHost: 'http://connect', vaults: { main: 1 }, ...block } } },
});

describe('createManifestValidator', () => {
  const validate = createManifestValidator({ providers: [connectLike] });

  it('suggests connectTokenSecretRef for connectToken inside a provider block', () => {
    // GIVEN a store whose auth.secretRef names the token field by its short name
    const store = aStore({ auth: { secretRef: { connectToken: { name: 't', key: 'k' } } } });
    // WHEN it is validated
    const result = validate(store);
    // THEN the unknown field is named and the real one suggested, alongside the missing required one
    expect(result).toEqual({
      status: 'checked',
      kind: 'SecretStore',
      name: 'op',
      problems: [
        { path: 'spec.provider.onepassword.auth.secretRef.connectTokenSecretRef', message: 'required' },
        {
          path: 'spec.provider.onepassword.auth.secretRef.connectToken',
          message: 'unknown field; did you mean connectTokenSecretRef?',
        },
      ],
    });
  });

  it('checks map values of a provider block with a bracketed path', () => {
    const result = validate(
      aStore({
        vaults: { main: 'one' },
        auth: { secretRef: { connectTokenSecretRef: { name: 't', key: 'k' } } },
      }),
    );
    expect(result.status === 'checked' && result.problems).toEqual([
      { path: 'spec.provider.onepassword.vaults[main]', message: 'must be an integer (got a string)' },
    ]);
  });

  it('accepts a valid store with no problems', () => {
    const result = validate(
      aStore({ auth: { secretRef: { connectTokenSecretRef: { name: 't', key: 'k' } } } }),
    );
    expect(result).toEqual({ status: 'checked', kind: 'SecretStore', name: 'op', problems: [] });
  });

  it('does not echo the value of a mistyped free-form field', () => {
    const store = aStore({
      connectHost: { token: 'canary-secret-value' },
      auth: { secretRef: { connectTokenSecretRef: { name: 't', key: 'k' } } },
    });
    const result = validate(store);
    expect(JSON.stringify(result)).not.toContain('canary-secret-value');
  });

  it('skips documents that are not Kubernetes objects', () => {
    expect(validate({ items: [] })).toEqual({
      status: 'skipped',
      kind: '?',
      name: '<unnamed>',
      reason: 'not a Kubernetes object (no apiVersion or kind)',
    });
  });
});
