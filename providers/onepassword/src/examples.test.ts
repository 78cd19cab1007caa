import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  startOnePasswordConnect,
  type OnePasswordConnectEmulator,
} from '@tessera/test/emulators/onepassword/index';
import { OnePasswordProvider } from './onepassword-provider.js';
import type { OnePasswordProviderSpec } from './onepassword-spec.js';
import { aClientHarness, text } from './test-support.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/onepassword');
const manifest = async (file: string) =>
  parse(await readFile(join(examples, file), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('examples/onepassword against the Connect emulator seeded with connect-seed.yaml', () => {
  let connect: OnePasswordConnectEmulator;
  beforeAll(async () => {
    connect = await startOnePasswordConnect({ seed: join(examples, 'connect-seed.yaml') });
  });
  afterAll(() => connect.stop());

  it('serves every data entry of every example ExternalSecret through the example store', async () => {
    // GIVEN the example store (pointed at the emulator) and the example token Secret
    const store = await manifest('cluster-secret-store.yaml');
    const token = (await manifest('connect-token.yaml')).stringData.token as string;
    const spec: OnePasswordProviderSpec = { ...store.spec.provider.onepassword, connectHost: connect.url };
    const view = {
      kind: 'ClusterSecretStore' as const,
      name: store.metadata.name,
      generation: 1,
      annotations: store.metadata.annotations,
      spec,
    };
    const provider = new OnePasswordProvider();
    expect(provider.validateStore(view)).toEqual([]);
    const client = await provider.newClient(aClientHarness(view, token).context);
    await expect(client.validate()).resolves.toBe('Ready');
    // WHEN each ExternalSecret's data entries are read
    const values: Record<string, string> = {};
    for (const file of [
      'external-secret-database.yaml',
      'external-secret-api-keys.yaml',
      'external-secret-tls.yaml',
    ]) {
      const es = await manifest(file);
      for (const entry of es.spec.data)
        values[`${es.metadata.name}/${entry.secretKey}`] = text(await client.getSecret(entry.remoteRef));
    }
    // THEN they hold the seeded items, the infrastructure vault winning for a title in both vaults
    expect(values).toMatchObject({
      'database-credentials/username': 'app_user',
      'database-credentials/password': 'correct-horse-battery-staple',
      'database-credentials/database': 'orders',
      'api-keys/STRIPE_API_KEY': 'sk_test_playground_4eC39HqLyjWDarjtT1zdp7dc',
      'api-keys/GITHUB_TOKEN': 'ghp_playgroundNotARealToken000000000000',
    });
    expect(values['ingress-tls/tls.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(values['ingress-tls/tls.key']).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('seeds the binary keystore as a document whose file reads back byte for byte', async () => {
    const spec: OnePasswordProviderSpec = {
      connectHost: connect.url,
      vaults: { infrastructure: 1 },
      auth: {
        secretRef: {
          connectTokenSecretRef: {
            name: 'onepassword-connect-token',
            key: 'token',
            namespace: 'tessera-system',
          },
        },
      },
    };
    const view = { kind: 'ClusterSecretStore' as const, name: 'bin', generation: 1, annotations: {}, spec };
    const client = await new OnePasswordProvider().newClient(aClientHarness(view, connect.token).context);
    const seeded = parse(await readFile(join(examples, 'connect-seed.yaml'), 'utf8'), {
      customTags: ['binary'],
    });
    expect(await client.getSecret({ key: 'java-keystore' })).toEqual(
      new Uint8Array(seeded.vaults.infrastructure['java-keystore'].files['keystore.p12']),
    );
  });
});
