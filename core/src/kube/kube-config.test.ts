import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ClientNodeKubeConfig } from './client-node-kube-config.js';
import { KubeConfigError, loadKubeConfig } from './kube-config.js';
import { StaticKubeConfig } from './static-kube-config.js';

const CA = '-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n';
const b64 = (text: string) => Buffer.from(text).toString('base64');

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kube-config-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a kubeconfig with contexts `main` (current) and `other`, and returns its path. */
function aKubeconfig(user: object, cluster: object = {}): string {
  const path = join(dir, 'config');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'c1',
        cluster: { server: 'https://127.0.0.1:6443/', 'certificate-authority-data': b64(CA), ...cluster },
      },
      { name: 'c2', cluster: { server: 'https://10.0.0.2:443' } },
    ],
    users: [{ name: 'u1', user }],
    contexts: [
      { name: 'main', context: { cluster: 'c1', user: 'u1', namespace: 'team-a' } },
      { name: 'other', context: { cluster: 'c2', user: 'u1' } },
    ],
    'current-context': 'main',
  };
  writeFileSync(path, stringify(config));
  return path;
}

async function applied(source: { applyToHTTPSOptions(o: RequestOptions): Promise<void> }) {
  const options: RequestOptions = {};
  await source.applyToHTTPSOptions(options);
  return options;
}

describe('loadKubeConfig', () => {
  test('a kubeconfig with a bearer token is served without client-node', async () => {
    // GIVEN a kubeconfig whose user has a token and whose cluster has inline CA data
    const path = aKubeconfig({ token: 'tok-1' });
    // WHEN it is loaded
    const source = loadKubeConfig({ kubeconfigPath: path });
    // THEN the static source serves the current context: server, namespace, CA and token
    expect(source).toBeInstanceOf(StaticKubeConfig);
    expect(source.server).toBe('https://127.0.0.1:6443');
    expect(source.namespace).toBe('team-a');
    const options = await applied(source);
    expect(options.ca?.toString()).toBe(CA);
    expect(options.headers).toEqual({ Authorization: 'Bearer tok-1' });
  });

  test('client certificate files are found relative to the kubeconfig and a token file is re-read', async () => {
    // GIVEN relative certificate paths and a token file
    writeFileSync(join(dir, 'client.crt'), 'CERT');
    writeFileSync(join(dir, 'client.key'), 'KEY');
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'first\n');
    const path = aKubeconfig({
      'client-certificate': 'client.crt',
      'client-key': 'client.key',
      'token-file': tokenFile,
    });
    const source = loadKubeConfig({ kubeconfigPath: path });
    // WHEN options are applied before and after the token rotates
    const before = await applied(source);
    writeFileSync(tokenFile, 'second');
    const after = await applied(source);
    // THEN the certificate pair comes from the files and the newest token is sent
    expect(before.cert?.toString()).toBe('CERT');
    expect(before.key?.toString()).toBe('KEY');
    expect(before.headers).toEqual({ Authorization: 'Bearer first' });
    expect(after.headers).toEqual({ Authorization: 'Bearer second' });
  });

  test('certificate files are read once; only the token is read again on each refresh', async () => {
    // GIVEN a client certificate pair in files, applied once
    writeFileSync(join(dir, 'client.crt'), 'CERT');
    writeFileSync(join(dir, 'client.key'), 'KEY');
    const source = loadKubeConfig({
      kubeconfigPath: aKubeconfig({
        'client-certificate': 'client.crt',
        'client-key': 'client.key',
        token: 't',
      }),
    });
    await applied(source);
    // WHEN the files go away and the options are applied again (the transport's token refresh)
    rmSync(join(dir, 'client.crt'));
    rmSync(join(dir, 'client.key'));
    const again = await applied(source);
    // THEN nothing is read from disk and the same pair is applied
    expect(again.cert?.toString()).toBe('CERT');
    expect(again.key?.toString()).toBe('KEY');
    expect(again.headers).toEqual({ Authorization: 'Bearer t' });
  });

  test('basic auth, insecure-skip-tls-verify and tls-server-name are applied', async () => {
    const path = aKubeconfig(
      { username: 'admin', password: 'pw' },
      { 'insecure-skip-tls-verify': true, 'tls-server-name': 'kubernetes' },
    );
    const options = await applied(loadKubeConfig({ kubeconfigPath: path }));
    expect(options).toMatchObject({ auth: 'admin:pw', rejectUnauthorized: false, servername: 'kubernetes' });
  });

  test('--context selects another context; an unknown one names the choices', () => {
    const path = aKubeconfig({ token: 't' });
    const other = loadKubeConfig({ kubeconfigPath: path, context: 'other' });
    expect(other.server).toBe('https://10.0.0.2:443');
    expect(other.namespace).toBe('default');
    expect(() => loadKubeConfig({ kubeconfigPath: path, context: 'nope' })).toThrow(
      new KubeConfigError('context "nope" is not in the kubeconfig; pick one of: main, other'),
    );
  });

  test('an exec credential plugin is left to client-node', async () => {
    // GIVEN a user authenticating through an exec plugin that prints a token
    const credential = {
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: { token: 'from-exec' },
    };
    const path = aKubeconfig({
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: process.execPath,
        args: ['-e', `process.stdout.write(${JSON.stringify(JSON.stringify(credential))})`],
      },
    });
    // WHEN it is loaded and applied
    const source = loadKubeConfig({ kubeconfigPath: path });
    const options = await applied(source);
    // THEN client-node serves it, for the same context
    expect(source).toBeInstanceOf(ClientNodeKubeConfig);
    expect(source.server).toBe('https://127.0.0.1:6443');
    expect(source.namespace).toBe('team-a');
    expect(options.headers).toMatchObject({ Authorization: 'Bearer from-exec' });
    expect(options.ca?.toString()).toBe(CA);
  });

  test('without --kubeconfig, the $KUBECONFIG list is merged and the last current-context wins', () => {
    // GIVEN two files: the first defines context main, the second context other and makes it current
    const first = aKubeconfig({ token: 't' });
    const second = join(dir, 'second');
    writeFileSync(
      second,
      stringify({
        clusters: [{ name: 'c3', cluster: { server: 'https://10.0.0.3' } }],
        contexts: [{ name: 'third', context: { cluster: 'c3', namespace: 'ns3' } }],
        'current-context': 'third',
      }),
    );
    // WHEN the default search is used
    const source = loadKubeConfig({ env: { KUBECONFIG: `${first}:${second}`, HOME: dir } });
    // THEN the context comes from the later file and entries from both are known
    expect(source.server).toBe('https://10.0.0.3');
    expect(source.namespace).toBe('ns3');
    const main = loadKubeConfig({ env: { KUBECONFIG: `${first}:${second}` }, context: 'main' });
    expect(main.server).toBe('https://127.0.0.1:6443');
  });

  test('with no kubeconfig anywhere the error says where one is looked for', () => {
    expect(() => loadKubeConfig({ env: { HOME: dir } })).toThrow(
      'no kubeconfig found: pass --kubeconfig, set $KUBECONFIG or create ~/.kube/config',
    );
  });

  test('in a pod, the mounted ServiceAccount is used and its token re-read', async () => {
    // GIVEN the service environment and a mounted ServiceAccount
    writeFileSync(join(dir, 'token'), 'sa-token-1');
    writeFileSync(join(dir, 'ca.crt'), CA);
    writeFileSync(join(dir, 'namespace'), 'tessera-system');
    const env = { KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' };
    // WHEN the in-cluster config is loaded and the token rotates
    const source = loadKubeConfig({ env, serviceAccountDir: dir });
    const first = await applied(source);
    writeFileSync(join(dir, 'token'), 'sa-token-2');
    const second = await applied(source);
    // THEN the server is the service address and each refresh sends the current token
    expect(source.server).toBe('https://[fd00::1]:443');
    expect(source.namespace).toBe('tessera-system');
    expect(first.ca?.toString()).toBe(CA);
    expect(first.headers).toEqual({ Authorization: 'Bearer sa-token-1' });
    expect(second.headers).toEqual({ Authorization: 'Bearer sa-token-2' });
  });

  test('a missing or malformed kubeconfig is a KubeConfigError saying what is wrong', () => {
    expect(() => loadKubeConfig({ kubeconfigPath: join(dir, 'absent') })).toThrow(
      /kubeconfig ".*absent" does not exist; pass the path of a readable kubeconfig/,
    );
    const path = join(dir, 'broken');
    writeFileSync(path, stringify({ clusters: [{ name: 'c', cluster: {} }] }));
    expect(() => loadKubeConfig({ kubeconfigPath: path })).toThrow(
      'cannot load the kubeconfig: clusters[0].cluster.server is missing',
    );
    const noContext = join(dir, 'no-context');
    writeFileSync(noContext, stringify({ clusters: [{ name: 'c', cluster: { server: 'https://x' } }] }));
    expect(() => loadKubeConfig({ kubeconfigPath: noContext })).toThrow(/has no current cluster/);
  });

  test('a kubeconfig that is not YAML is a KubeConfigError naming the position but quoting no credential', () => {
    // GIVEN kubeconfigs broken on the line of a token, and by a password read as an alias
    const badLine = join(dir, 'bad-line');
    writeFileSync(badLine, 'users:\n- name: u\n  user:\n    token: canary-tok-91f2: x\n');
    const alias = join(dir, 'alias');
    writeFileSync(alias, 'users:\n- name: u\n  user:\n    password: *canary-pw-7c1d\n');
    // WHEN they are loaded THEN the errors, causes included, give the position only
    const failure = (message: string) =>
      new KubeConfigError(`cannot load the kubeconfig: ${message}`, { cause: new Error(message) });
    expect(() => loadKubeConfig({ kubeconfigPath: badLine })).toThrow(
      failure(`${badLine} is not valid YAML at line 4, column 12; fix the file there`),
    );
    expect(() => loadKubeConfig({ kubeconfigPath: alias })).toThrow(
      failure(`${alias} is not valid YAML: an alias (*name) has no anchor; fix the file`),
    );
  });

  test('an http(s) proxy-url is handed to the transport, with plain or plugin credentials alike', () => {
    const plain = loadKubeConfig({
      kubeconfigPath: aKubeconfig({ token: 't' }, { 'proxy-url': 'http://proxy.internal:3128' }),
    });
    expect(plain).toBeInstanceOf(StaticKubeConfig);
    expect(plain.proxyUrl).toBe('http://proxy.internal:3128/');
    const exec = { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'true' } };
    const plugin = loadKubeConfig({
      kubeconfigPath: aKubeconfig(exec, { 'proxy-url': 'https://proxy.internal:8443' }),
    });
    expect(plugin).toBeInstanceOf(ClientNodeKubeConfig);
    expect(plugin.proxyUrl).toBe('https://proxy.internal:8443/');
    expect(loadKubeConfig({ kubeconfigPath: aKubeconfig({ token: 't' }) }).proxyUrl).toBeUndefined();
  });

  test('a SOCKS or malformed proxy-url is a KubeConfigError naming what is supported', () => {
    const socks = aKubeconfig({ token: 't' }, { 'proxy-url': 'socks5://127.0.0.1:1080' });
    expect(() => loadKubeConfig({ kubeconfigPath: socks })).toThrow(
      new KubeConfigError(
        "the cluster's proxy-url uses socks5; Tessera supports http:// and https:// proxies only",
      ),
    );
    const broken = aKubeconfig({ token: 't' }, { 'proxy-url': 'not a url' });
    expect(() => loadKubeConfig({ kubeconfigPath: broken })).toThrow(
      `the cluster's proxy-url "not a url" is not a URL`,
    );
    // AND a password that breaks the URL is not quoted
    const password = aKubeconfig({ token: 't' }, { 'proxy-url': 'http://user:canary#pw@proxy:3128' });
    expect(() => loadKubeConfig({ kubeconfigPath: password })).toThrow(
      new KubeConfigError(`the cluster's proxy-url "http://***@proxy:3128" is not a URL`),
    );
  });
});
