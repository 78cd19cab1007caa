/**
 * `tessera render`: the template examples validate and render through the real fake provider
 * (`--store`) or from a values file (`--data`); values are masked unless `--reveal`; input
 * problems exit 2, fetch/render failures exit 1 with the message the status would show.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runRender, validateFiles, type CliDeps } from '@tessera/core';
import { parse, stringify } from 'yaml';
import { PROVIDER_DESCRIPTORS, PROVIDER_MODULES } from './providers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEMPLATES = `${ROOT}examples/templates`;
const STORE = `${TEMPLATES}/secret-store.yaml`;
const CLI = `${ROOT}cli/dist/main.js`;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function render(flags: {
  filename: string[];
  data?: string;
  store?: string[];
  templateSource?: string[];
  reveal?: boolean;
}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const deps: CliDeps = {
    providers: PROVIDER_DESCRIPTORS,
    providerModules: PROVIDER_MODULES,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  };
  const code = await runRender(flags, deps);
  return { code, stdout, stderr };
}

type SecretYaml = {
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  type: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
};

let dir: string;
let storeText: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-render-'));
  storeText = await readFile(STORE, 'utf8');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** The value the example store holds under `key`. */
function storeValue(key: string): string {
  const store = parse(storeText) as {
    spec: { provider: { fake: { data: { key: string; value: string }[] } } };
  };
  return store.spec.provider.fake.data.find((entry) => entry.key === key)!.value;
}

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : stringify(content));
  return path;
}

describe('tessera render: the template examples', () => {
  it('validate without problems', async () => {
    const report = await validateFiles({ paths: [TEMPLATES], providers: PROVIDER_DESCRIPTORS });
    expect(report.problems).toEqual([]);
    expect(report.documents).toBeGreaterThanOrEqual(7);
  });

  it('builds a dockerconfigjson from a registry user and password, byte for byte', async () => {
    const { code, stdout } = await render({
      filename: [`${TEMPLATES}/dockerconfigjson.yaml`],
      store: [STORE],
      reveal: true,
    });
    expect(code).toBe(0);
    const secret = parse(stdout) as SecretYaml;
    const { username, password } = JSON.parse(storeValue('/registry/robot')) as Record<string, string>;
    const auth = Buffer.from(`${username}:${password}`).toString('base64');
    expect(secret.type).toBe('kubernetes.io/dockerconfigjson');
    expect(secret.stringData).toEqual({
      '.dockerconfigjson': `{"auths":{"registry.example.com":{"auth":"${auth}","password":"${password}","username":"${username}"}}}`,
    });
  });

  it('assembles a PostgreSQL URL from three fields', async () => {
    const { code, stdout } = await render({
      filename: [`${TEMPLATES}/postgres-url.yaml`],
      store: [STORE],
      reveal: true,
    });
    expect(code).toBe(0);
    const secret = parse(stdout) as SecretYaml;
    expect(secret.metadata).toEqual({
      name: 'app-database',
      namespace: 'demo',
      labels: { 'app.kubernetes.io/name': 'app' },
    });
    expect(secret.stringData).toEqual({
      DATABASE_URL: 'postgresql://app:not-a-real-db-password@db.demo.svc:5432/app?sslmode=require',
    });
  });

  it('splits a PEM bundle into tls.crt and tls.key with filterPEM', async () => {
    const { code, stdout } = await render({
      filename: [`${TEMPLATES}/tls-from-pem-bundle.yaml`],
      store: [STORE],
      reveal: true,
    });
    expect(code).toBe(0);
    const bundle = storeValue('/tls/app-bundle');
    const cut = bundle.indexOf('-----BEGIN PRIVATE KEY-----');
    const secret = parse(stdout) as SecretYaml;
    expect(secret.type).toBe('kubernetes.io/tls');
    expect(secret.stringData).toEqual({ 'tls.crt': bundle.slice(0, cut), 'tls.key': bundle.slice(cut) });
  });

  it('base64-encodes a credentials file', async () => {
    const { code, stdout } = await render({
      filename: [`${TEMPLATES}/base64-credentials-file.yaml`],
      store: [STORE],
      reveal: true,
    });
    expect(code).toBe(0);
    const secret = parse(stdout) as SecretYaml;
    expect(secret.metadata.name).toBe('op-credentials');
    expect(secret.stringData).toEqual({
      '1password-credentials.json': Buffer.from(storeValue('/onepassword/connect-credentials')).toString(
        'base64',
      ),
    });
  });

  it('renders templateFrom a ConfigMap given in the same file, as Values and as KeysAndValues', async () => {
    const { code, stdout } = await render({
      filename: [`${TEMPLATES}/config-from-configmap.yaml`],
      store: [STORE],
      reveal: true,
    });
    expect(code).toBe(0);
    expect((parse(stdout) as SecretYaml).stringData).toEqual({
      'config.yaml': 'database:\n  host: db.demo.svc\n  user: app\n  password: "not-a-real-db-password"\n',
      DB_HOST: 'db.demo.svc',
      DB_USER: 'app',
    });
  });
});

describe('tessera render: masking and data', () => {
  it('masks every value unless --reveal, giving its size', async () => {
    const { code, stdout } = await render({ filename: [`${TEMPLATES}/postgres-url.yaml`], store: [STORE] });
    expect(code).toBe(0);
    const url = 'postgresql://app:not-a-real-db-password@db.demo.svc:5432/app?sslmode=require';
    expect((parse(stdout) as SecretYaml).data).toEqual({ DATABASE_URL: `<masked: ${url.length} bytes>` });
    expect(stdout).not.toContain('not-a-real-db-password');
  });

  it('renders from a --data file without calling any provider', async () => {
    const values = await file('values.json', JSON.stringify({ host: 'h', user: 'u', password: 'p@ss' }));
    const { code, stdout } = await render({
      filename: [`${TEMPLATES}/postgres-url.yaml`],
      data: values,
      reveal: true,
    });
    expect(code).toBe(0);
    expect((parse(stdout) as SecretYaml).stringData).toEqual({
      DATABASE_URL: 'postgresql://u:p%40ss@h:5432/app?sslmode=require',
    });
  });

  it('prints binary values as base64 data when revealed', async () => {
    const es = await file('binary.yaml', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'bin' },
      spec: {
        secretStoreRef: { name: 's' },
        data: [{ secretKey: 'raw', remoteRef: { key: 'r' } }],
        target: { template: { data: { blob: '{{ .raw | b64dec }}' } } },
      },
    });
    const values = await file(
      'binary.json',
      JSON.stringify({ raw: Buffer.from([0xff, 0x00, 0x01]).toString('base64') }),
    );
    const { code, stdout } = await render({ filename: [es], data: values, reveal: true });
    expect(code).toBe(0);
    const secret = parse(stdout) as SecretYaml;
    expect(secret.metadata.namespace).toBe('default');
    expect(secret.data).toEqual({ blob: '/wAB' });
  });
});

describe('tessera render: failures', () => {
  it('exits 2 when neither --data nor --store is given', async () => {
    const { code, stderr } = await render({ filename: [`${TEMPLATES}/postgres-url.yaml`] });
    expect(code).toBe(2);
    expect(stderr).toMatch(/give either --data <file>.* or --store <file>/);
  });

  it('exits 2 when the files hold no single ExternalSecret', async () => {
    const { code, stderr } = await render({ filename: [STORE], data: STORE });
    expect(code).toBe(2);
    expect(stderr).toContain('expected exactly one ExternalSecret in -f, found 0');
  });

  it('exits 2 and lists the problems of an invalid manifest', async () => {
    const es = await file('invalid.yaml', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'bad' },
      spec: { target: { creationPolicy: 'Owned' }, data: [{ secretKey: 'k', remoteRef: { key: 'k' } }] },
    });
    const values = await file('v.json', '{"k":"v"}');
    const { code, stderr } = await render({ filename: [es], data: values });
    expect(code).toBe(2);
    expect(stderr).toMatch(/invalid\.yaml:1 ExternalSecret\/bad spec\.target\.creationPolicy/);
  });

  it('exits 2 for a missing file', async () => {
    const { code, stderr } = await render({ filename: [join(dir, 'nope.yaml')], data: STORE });
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read -f/);
  });

  it('exits 2 when the same ConfigMap is given twice', async () => {
    // GIVEN an ExternalSecret and two ConfigMaps of one name in the same namespace
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tpl' }, data: { a: 'b' } };
    const externalSecret = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'twice', namespace: 'demo' },
      spec: { secretStoreRef: { name: 's' }, data: [{ secretKey: 'k', remoteRef: { key: 'k' } }] },
    };
    const es = await file(
      'twice.yaml',
      [externalSecret, configMap, configMap].map((d) => stringify(d)).join('---\n'),
    );
    const values = await file('twice.json', '{"k":"v"}');
    // WHEN it is rendered THEN the input is refused as the API server would refuse it
    const { code, stdout, stderr } = await render({ filename: [es], data: values });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('tessera render: cannot use the ConfigMaps given: ConfigMap "tpl" already exists\n');
  });

  it('exits 1 with the key and position of a failing template, and never the value', async () => {
    const es = await file('broken.yaml', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'broken', namespace: 'demo' },
      spec: {
        secretStoreRef: { name: 's' },
        data: [{ secretKey: 'user', remoteRef: { key: 'u' } }],
        target: { template: { data: { dsn: '{{ .user }}:{{ .password }}' } } },
      },
    });
    const values = await file('broken.json', '{"user":"canary-user-9a8b7c"}');
    const { code, stdout, stderr } = await render({ filename: [es], data: values });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'tessera render: could not render the Secret (TemplateError): spec.target.template.data["dsn"]: template: dsn:1:15: executing "dsn" at <.password>: map has no entry for key "password"\n',
    );
  });

  it('exits 1 naming the entry when the provider has no such secret', async () => {
    const es = await file('missing-remote.yaml', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'm', namespace: 'demo' },
      spec: {
        secretStoreRef: { name: 'template-store' },
        data: [{ secretKey: 'k', remoteRef: { key: '/nope' } }],
      },
    });
    const { code, stderr } = await render({ filename: [es], store: [STORE] });
    expect(code).toBe(1);
    expect(stderr).toContain('spec.data[0] (key=/nope): not found in SecretStore/template-store');
  });

  (existsSync(CLI) ? it : it.skip)('runs as `tessera render` from the built CLI', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      CLI,
      'render',
      '-f',
      `${TEMPLATES}/dockerconfigjson.yaml`,
      '--store',
      STORE,
    ]);
    expect(parse(stdout)).toMatchObject({
      kind: 'Secret',
      data: { '.dockerconfigjson': expect.stringMatching(/^<masked: \d+ bytes>$/) },
    });
  });
});
