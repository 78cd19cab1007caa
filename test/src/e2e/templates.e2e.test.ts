/**
 * End to end: templates through the operator process. The ExternalSecrets are the shipped examples
 * (`examples/templates`), pointed at a fake store holding canary values: a dockerconfigjson pull
 * Secret, a PostgreSQL URL, a TLS pair split out of a PEM bundle with filterPEM and a base64-encoded
 * credentials file, each asserted byte for byte. A template that recurses without end or builds a
 * huge string fails with a clear status while the operator stays healthy and keeps syncing; an edit
 * of a templateFrom ConfigMap re-renders its Secret at once (the refresh interval is an hour).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { V1ConfigMap } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import type { E2eWorld } from './harness/e2e-world.js';
import { aFakeStore, anExternalSecret, dataEntries, type FakeEntry } from './harness/fixtures.js';
import type { Resource } from './harness/kube-user.js';
import type { OperatorProcess } from './harness/operator-process.js';
import { waitFor } from './harness/wait-for.js';
import { useE2eWorld } from './harness/use-e2e-world.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/templates/', import.meta.url));

let world: E2eWorld;
let operator: OperatorProcess;

useE2eWorld(async (started) => {
  world = started;
  // A template depth below the default of 100, to see the flag reach the engine.
  operator = await world.startOperator(['--concurrent', '2', '--template-max-depth', '50']);
});

/** The documents of one example file, by kind. */
function example(file: string): { externalSecret: Resource; configMap?: Resource } {
  const documents = parseAllDocuments(readFileSync(`${EXAMPLES}${file}`, 'utf8')).map(
    (doc) => doc.toJS() as Resource,
  );
  return {
    externalSecret: documents.find((doc) => doc.kind === 'ExternalSecret')!,
    configMap: documents.find((doc) => doc.kind === 'ConfigMap'),
  };
}

/** The example ExternalSecret moved into `namespace`. */
function inNamespace(resource: Resource, namespace: string): Resource {
  return { ...resource, metadata: { ...resource.metadata, namespace } };
}

/** A namespace with the examples' store, holding `data`. */
async function aNamespaceWithStore(prefix: string, data: readonly FakeEntry[]): Promise<string> {
  const namespace = await world.namespace(prefix);
  await world.user.create(aFakeStore('template-store', namespace, data));
  return namespace;
}

async function readyStatus(name: string, namespace: string, status: 'True' | 'False') {
  return waitFor(
    async () => {
      const ready = await world.user.ready('ExternalSecret', name, namespace);
      return ready?.status === status ? ready : undefined;
    },
    { what: `ExternalSecret ${namespace}/${name} Ready=${status}`, timeoutMs: 15_000 },
  );
}

/** Waits for the Secret and returns its type and raw bytes per key. */
async function secretBytes(name: string, namespace: string) {
  const secret = await waitFor(() => world.user.secret(name, namespace), {
    what: `Secret ${namespace}/${name}`,
    timeoutMs: 15_000,
  });
  const data = Object.fromEntries(
    Object.entries(secret.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]),
  );
  return { type: secret.type, data };
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** The PEM bundle of the example store (a throwaway certificate and key). */
function examplePemBundle(): { certificate: string; key: string } {
  const store = parseAllDocuments(readFileSync(`${EXAMPLES}secret-store.yaml`, 'utf8'))[0].toJS() as {
    spec: { provider: { fake: { data: { key: string; value: string }[] } } };
  };
  const bundle = store.spec.provider.fake.data.find((entry) => entry.key === '/tls/app-bundle')!.value;
  const cut = bundle.indexOf('-----BEGIN PRIVATE KEY-----');
  return { certificate: bundle.slice(0, cut), key: bundle.slice(cut) };
}

describe('template examples through the operator', () => {
  it('builds a kubernetes.io/dockerconfigjson Secret from a registry user and password', async () => {
    const [username, password] = [world.canaries.plant('registry-user'), world.canaries.plant('registry-pw')];
    const namespace = await aNamespaceWithStore('tpl-docker', [
      { key: '/registry/robot', value: JSON.stringify({ username, password }) },
    ]);
    await world.user.create(inNamespace(example('dockerconfigjson.yaml').externalSecret, namespace));
    const secret = await secretBytes('registry-pull-secret', namespace);
    const auth = Buffer.from(`${username}:${password}`).toString('base64');
    expect(secret.type).toBe('kubernetes.io/dockerconfigjson');
    expect(secret.data).toEqual({
      '.dockerconfigjson': bytes(
        `{"auths":{"registry.example.com":{"auth":"${auth}","password":"${password}","username":"${username}"}}}`,
      ),
    });
  });

  it('assembles a PostgreSQL URL from three fields', async () => {
    const [host, user, password] = ['db-host', 'db-user', 'db-pw'].map((label) =>
      world.canaries.plant(label),
    );
    const namespace = await aNamespaceWithStore('tpl-postgres', [
      { key: '/db/postgres', value: JSON.stringify({ host, user, password }) },
    ]);
    await world.user.create(inNamespace(example('postgres-url.yaml').externalSecret, namespace));
    const secret = await secretBytes('app-database', namespace);
    expect(secret.data).toEqual({
      DATABASE_URL: bytes(`postgresql://${user}:${password}@${host}:5432/app?sslmode=require`),
    });
    expect((await world.user.secret('app-database', namespace))?.metadata?.labels).toMatchObject({
      'app.kubernetes.io/name': 'app',
    });
  });

  it('splits tls.crt and tls.key out of one PEM bundle with filterPEM', async () => {
    const { certificate, key } = examplePemBundle();
    const junk = world.canaries.plant('pem-preamble');
    const namespace = await aNamespaceWithStore('tpl-tls', [
      { key: '/tls/app-bundle', value: `${junk}\n${certificate}${junk}\n${key}` },
    ]);
    await world.user.create(inNamespace(example('tls-from-pem-bundle.yaml').externalSecret, namespace));
    const secret = await secretBytes('app-tls', namespace);
    expect(secret.type).toBe('kubernetes.io/tls');
    expect(secret.data).toEqual({ 'tls.crt': bytes(certificate), 'tls.key': bytes(key) });
  });

  it('base64-encodes a credentials file', async () => {
    const credentials = JSON.stringify({ version: '2', deviceUuid: world.canaries.plant('credentials') });
    const namespace = await aNamespaceWithStore('tpl-b64', [
      { key: '/onepassword/connect-credentials', value: credentials },
    ]);
    await world.user.create(inNamespace(example('base64-credentials-file.yaml').externalSecret, namespace));
    const secret = await secretBytes('op-credentials', namespace);
    expect(secret.data).toEqual({
      '1password-credentials.json': bytes(Buffer.from(credentials).toString('base64')),
    });
  });
});

describe('hostile templates', () => {
  it('a template recursing without end and a huge repeat fail with clear messages; the operator stays healthy and keeps syncing', async () => {
    const value = world.canaries.plant('hostile');
    const namespace = await aNamespaceWithStore('tpl-hostile', [{ key: '/k', value }]);
    const hostile = (name: string, template: string) =>
      anExternalSecret(name, namespace, {
        secretStoreRef: { kind: 'SecretStore', name: 'template-store' },
        data: dataEntries({ k: '/k' }),
        target: { template: { data: { out: template } } },
      });
    // WHEN one template calls itself forever and another repeats a value a hundred million times
    await world.user.create(
      hostile('recursive', '{{ define "loop" }}{{ template "loop" . }}{{ end }}{{ template "loop" . }}'),
    );
    await world.user.create(hostile('huge', '{{ repeat 100000000 .k }}'));
    // THEN each reports what stopped it, where, and how to fix it
    const recursive = await readyStatus('recursive', namespace, 'False');
    expect(recursive.reason).toBe('SecretSyncedError');
    expect(recursive.message).toMatch(
      /^could not update secret: spec\.target\.template\.data\["out"\]: template: out:1:\d+: executing "loop" at <\{\{template "loop" \.\}\}>: exceeded maximum template depth \(50\); a template may call itself without end, or raise the operator flag --template-max-depth$/,
    );
    const huge = await readyStatus('huge', namespace, 'False');
    expect(huge.message).toMatch(
      /^could not update secret: spec\.target\.template\.data\["out"\]: template: out:1:3: executing "out" at <repeat 100000000 \.k>: .*exceeds the 1048576-byte limit; reduce the size or raise the operator flag --template-max-output-bytes$/,
    );
    expect(await world.user.secret('recursive', namespace)).toBeUndefined();
    // AND the operator is healthy and still syncs another ExternalSecret
    expect((await fetch(`${operator.opsUrl}/healthz`)).status).toBe(200);
    await world.user.create(
      anExternalSecret('fine', namespace, {
        secretStoreRef: { kind: 'SecretStore', name: 'template-store' },
        data: dataEntries({ k: '/k' }),
        target: { template: { data: { out: 'ok-{{ .k }}' } } },
      }),
    );
    expect((await secretBytes('fine', namespace)).data).toEqual({ out: bytes(`ok-${value}`) });
    expect(operator.running).toBe(true);
  }, 30_000);
});

describe('templateFrom', () => {
  it('an edit of the template ConfigMap re-renders the Secret at once', async () => {
    const [host, user, password] = ['cm-host', 'cm-user', 'cm-pw'].map((label) =>
      world.canaries.plant(label),
    );
    const namespace = await aNamespaceWithStore('tpl-configmap', [
      { key: '/db/postgres', value: JSON.stringify({ host, user, password }) },
    ]);
    const { externalSecret, configMap } = example('config-from-configmap.yaml');
    const body = inNamespace(configMap!, namespace) as V1ConfigMap;
    await world.user.core.createNamespacedConfigMap({ namespace, body });
    await world.user.create(inNamespace(externalSecret, namespace));
    const first = await secretBytes('app-config', namespace);
    expect(first.data).toEqual({
      'config.yaml': bytes(`database:\n  host: ${host}\n  user: ${user}\n  password: "${password}"\n`),
      DB_HOST: bytes(host),
      DB_USER: bytes(user),
    });
    // WHEN the application team edits the template (the ExternalSecret refreshes only hourly)
    const current = await world.user.core.readNamespacedConfigMap({
      name: configMap!.metadata.name,
      namespace,
    });
    current.data = {
      ...current.data,
      env: 'DB_HOST: {{ .host }}\nDB_URL: "postgres://{{ .user }}@{{ .host }}"\n',
    };
    await world.user.core.replaceNamespacedConfigMap({
      name: configMap!.metadata.name,
      namespace,
      body: current,
    });
    // THEN the Secret follows
    await waitFor(
      async () =>
        (await world.user.secretData('app-config', namespace))?.DB_URL === `postgres://${user}@${host}`,
      { what: 'the Secret to be re-rendered from the edited ConfigMap' },
    );
    const second = await secretBytes('app-config', namespace);
    expect(Object.keys(second.data).sort()).toEqual(['DB_HOST', 'DB_URL', 'config.yaml']);
  });
});
