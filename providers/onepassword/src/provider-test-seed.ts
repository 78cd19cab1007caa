/** Items the provider's tests read, in the seed shape of the Connect emulator. */
import type { ConnectSeedDoc } from '@tessera/test/emulators/onepassword/index';

/** Bytes that are not valid UTF-8, to prove binary files survive. */
export const KEYSTORE_BYTES = new Uint8Array([0x30, 0x82, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0xc3]);

/** Connect token the tests' emulator accepts. */
export const TEST_TOKEN = 'provider-test-token';

/** Vaults `infrastructure` (priority 1) and `applications` (priority 2). */
export function providerTestSeed(): ConnectSeedDoc {
  return {
    token: TEST_TOKEN,
    vaults: {
      infrastructure: {
        'postgres-main': {
          category: 'DATABASE',
          tags: ['team:platform', 'env:prod'],
          fields: {
            username: 'app_user',
            password: 'pg-pass',
            database: 'orders',
            host: { value: 'db.internal', section: 'connection' },
            port: { value: '5432', section: 'connection' },
          },
        },
        shared: { category: 'LOGIN', fields: { username: 'infra-user', password: 'infra-pass' } },
        certificate: {
          category: 'SERVER',
          fields: { hostname: 'app.example.test' },
          files: { 'tls.crt': 'CERT-PEM', 'tls.key': 'KEY-PEM' },
        },
        keystore: { files: { 'keystore.p12': KEYSTORE_BYTES } },
        'a&b #1 +"x"': { category: 'PASSWORD', fields: { password: 'edgy' } },
      },
      applications: {
        shared: { category: 'LOGIN', fields: { username: 'app-user', password: 'app-pass' } },
        stripe: {
          category: 'API_CREDENTIAL',
          tags: ['api-key', 'team:payments'],
          fields: { credential: 'sk_stripe' },
        },
        sendgrid: {
          category: 'API_CREDENTIAL',
          tags: ['api-key'],
          fields: { credential: 'sg_key', region: 'eu' },
        },
        notes: { category: 'SECURE_NOTE', fields: { notesPlain: 'hello' } },
      },
    },
  };
}
