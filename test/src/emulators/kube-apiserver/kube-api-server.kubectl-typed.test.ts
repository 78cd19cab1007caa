import {
  describeWithKubectl,
  normalisedStdout as out,
  startKubectlEnv,
  stopKubectlEnv,
  type KubectlRunner,
} from './testing/kubectl-runner.js';
import type { KubeTestEnv } from './testing/kube-test-client.js';

/** kubectl commands beyond the contract's §17 that users type in the playground (typed clients send protobuf). */
const suite = describeWithKubectl('kubectl typed-command checks');

suite('kubectl typed commands beyond §17 (protobuf request bodies, server-side apply)', () => {
  let env: KubeTestEnv;
  let k: KubectlRunner;

  beforeAll(async () => ({ env, k } = await startKubectlEnv()));
  afterAll(() => stopKubectlEnv({ env, k }));

  test('kubectl create namespace, secret, configmap, serviceaccount and deployment work as on a real cluster', async () => {
    expect(out(await k.run(['create', 'namespace', 'typed']))).toBe('namespace/typed created');
    expect(out(await k.run(['create', 'secret', 'generic', 's1', '-n', 'typed', '--from-literal=a=b']))).toBe(
      'secret/s1 created',
    );
    expect(out(await k.run(['get', 'secret', 's1', '-n', 'typed', '-o', 'jsonpath={.data.a}']))).toBe('Yg==');
    expect(out(await k.run(['create', 'configmap', 'c1', '-n', 'typed', '--from-literal=x=y']))).toBe(
      'configmap/c1 created',
    );
    expect(out(await k.run(['create', 'serviceaccount', 'bot', '-n', 'typed']))).toBe(
      'serviceaccount/bot created',
    );
    expect(out(await k.run(['create', 'deployment', 'web', '--image=nginx', '-n', 'typed']))).toBe(
      'deployment.apps/web created',
    );
    expect(out(await k.run(['get', 'deploy', '-n', 'typed']))).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    0/1     0            0           <AGE>',
    );
  });

  test('kubectl create token mints a JWT for the requested audience, and auth can-i answers yes', async () => {
    const token = await k.run(['create', 'token', 'bot', '-n', 'typed', '--audience', 'vault']);
    expect(token.code).toBe(0);
    expect(await env.server.serviceAccountTokens.verify(token.stdout.trim(), ['vault'])).toMatchObject({
      namespace: 'typed',
      name: 'bot',
    });
    expect(out(await k.run(['auth', 'can-i', 'get', 'secrets']))).toBe('yes');
  });

  test('kubectl apply --server-side creates, then reapplies', async () => {
    const manifest = (v: string): string =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: typed\ndata:\n  a: "${v}"\n`;
    expect(out(await k.run(['apply', '--server-side', '-f', k.file('cm1.yaml', manifest('1'))]))).toBe(
      'configmap/ssa serverside-applied',
    );
    expect(out(await k.run(['apply', '--server-side', '-f', k.file('cm2.yaml', manifest('2'))]))).toBe(
      'configmap/ssa serverside-applied',
    );
    expect(out(await k.run(['get', 'cm', 'ssa', '-n', 'typed', '-o', 'jsonpath={.data.a}']))).toBe('2');
  });
});
