/** A small seed used by the emulator's own tests: two vaults, every kind of item content. */
import type { SeedDoc } from './seed.js';

/** Bytes that are not valid UTF-8 (a lone 0xff, 0xfe, NUL): they expose text decoding on the way. */
export const BINARY_BYTES = new Uint8Array([0x00, 0xff, 0xfe, 0x80, 0x41, 0x0a, 0xc3]);

/** Seed with vaults `infrastructure` and `applications`. */
export function testSeed(): SeedDoc {
  return {
    token: 'test-connect-token',
    vaults: {
      infrastructure: {
        'db creds': {
          category: 'DATABASE',
          tags: ['env:prod', 'team-platform'],
          fields: {
            username: 'admin',
            password: 's3cr3t',
            host: { value: 'db.internal', section: 'connection' },
            otp: 'otpauth://totp/db?secret=JBSWY3DPEHPK3PXP',
          },
        },
        'login item': { category: 'LOGIN', fields: { username: 'alice', password: 'wonderland' } },
        keystore: { files: { 'keystore.p12': BINARY_BYTES } },
        'tls bundle': {
          category: 'SERVER',
          fields: { hostname: 'example.org' },
          files: {
            'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
            'tls.key': { content: 'key', section: 'keys' },
          },
        },
      },
      applications: {
        stripe: { category: 'API_CREDENTIAL', tags: ['api-key'], fields: { credential: 'sk_test_123' } },
      },
    },
  };
}
