import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { BLOCK_A, BLOCK_B, BLOCK_C, BLOCK_D } from './testing/golden-blocks.js';
import { ALL_YAML, CRD_YAML, NS_YAML, SECRET_YAML, WIDGET_YAML } from './testing/golden-manifests.js';
import {
  describeWithKubectl,
  normalise,
  normalisedStdout as out,
  startKubectlEnv,
  stopKubectlEnv,
  type KubectlResult,
  type KubectlRunner,
} from './testing/kubectl-runner.js';
import { WIDGETS, type KubeTestEnv } from './testing/kube-test-client.js';

/**
 * The wire contract's §17 golden checks, run with the real kubectl 1.32 when it is on PATH. Outputs are compared
 * after the contract's normalisation (ages, timestamps, UIDs, resourceVersions).
 */
const suite = describeWithKubectl('kubectl golden checks (contract §17)');

const err = (r: KubectlResult): string => normalise(r.stderr).trimEnd();

const READY_STATUS = {
  status: {
    observedGeneration: 1,
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'Reconciled',
        message: 'all good',
        lastTransitionTime: '2025-01-01T00:00:00Z',
        observedGeneration: 1,
      },
    ],
  },
};

suite('kubectl 1.32 golden checks (contract §17)', () => {
  let env: KubeTestEnv;
  let k: KubectlRunner;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    ({ env, k } = await startKubectlEnv());
    files.crd = k.file('crd.yaml', CRD_YAML);
    files.ns = k.file('ns.yaml', NS_YAML);
    files.secret = k.file('secret.yaml', SECRET_YAML);
    files.widget = k.file('widget.yaml', WIDGET_YAML);
  });
  afterAll(() => stopKubectlEnv({ env, k }));

  test('G1 kubectl version reports the 1.32.4 server', async () => {
    const r = await k.run(['version']);
    expect([r.code, out(r)]).toEqual([
      0,
      'Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0\nServer Version: v1.32.4',
    ]);
  });

  test('G2–G5 apply creates the CRD, namespace, Secret and Widget; a second apply is unchanged', async () => {
    expect(out(await k.run(['apply', '-f', files.crd]))).toBe(
      'customresourcedefinition.apiextensions.k8s.io/widgets.example.com created',
    );
    expect(out(await k.run(['apply', '-f', files.ns]))).toBe('namespace/demo created');
    expect(out(await k.run(['apply', '-f', files.secret]))).toBe('secret/creds created');
    expect(out(await k.run(['apply', '-f', files.widget]))).toBe('widget.example.com/w1 created');
    const again = await k.run(['apply', '-f', files.widget]);
    expect([again.code, out(again)]).toEqual([0, 'widget.example.com/w1 unchanged']);
  });

  test('G16 get -o yaml shows block A', async () => {
    expect(out(await k.run(['get', 'widget', 'w1', '-n', 'demo', '-o', 'yaml']))).toBe(BLOCK_A);
  });

  test('G7–G12 get prints the server-side columns', async () => {
    expect(out(await k.run(['get', 'crd']))).toBe(
      'NAME                  CREATED AT\nwidgets.example.com   <RFC3339>',
    );
    expect(out(await k.run(['get', 'widgets', '-n', 'demo']))).toBe(
      'NAME   READY   SIZE   AGE\nw1             3      <AGE>',
    );
    expect(out(await k.run(['get', 'wg', '-n', 'demo', '-o', 'wide']))).toBe(
      'NAME   READY   SIZE   MESSAGE   AGE\nw1             3                <AGE>',
    );
    expect(out(await k.run(['get', 'widgets', '-A']))).toBe(
      'NAMESPACE   NAME   READY   SIZE   AGE\ndemo        w1             3      <AGE>',
    );
    expect(out(await k.run(['get', 'secrets', '-n', 'demo']))).toBe(
      'NAME    TYPE     DATA   AGE\ncreds   Opaque   1      <AGE>',
    );
    expect(out(await k.run(['get', 'ns', 'demo']))).toBe('NAME   STATUS   AGE\ndemo   Active   <AGE>');
  });

  test('G13 wait for Ready times out while there is no status', async () => {
    const r = await k.run(['wait', '--for=condition=Ready', 'widget/w1', '-n', 'demo', '--timeout=2s']);
    expect([r.code, err(r)]).toEqual([1, 'error: timed out waiting for the condition on widgets/w1']);
  });

  test('G14–G15 after a status patch, wait succeeds and -o wide shows READY and MESSAGE', async () => {
    await env.custom.patchNamespacedCustomObjectStatus(
      { ...WIDGETS, namespace: 'demo', name: 'w1', body: READY_STATUS },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const r = await k.run(['wait', '--for=condition=Ready', 'widget/w1', '-n', 'demo', '--timeout=5s']);
    expect([r.code, out(r)]).toEqual([0, 'widget.example.com/w1 condition met']);
    expect(out(await k.run(['get', 'widgets', '-n', 'demo', '-o', 'wide']))).toBe(
      'NAME   READY   SIZE   MESSAGE    AGE\nw1     True    3      all good   <AGE>',
    );
  });

  test('G17–G19 describe prints blocks B, C and D', async () => {
    expect(out(await k.run(['describe', 'widget', 'w1', '-n', 'demo']))).toBe(BLOCK_B);
    expect(out(await k.run(['describe', 'secret', 'creds', '-n', 'demo']))).toBe(BLOCK_C);
    expect(out(await k.run(['describe', 'ns', 'demo']))).toBe(BLOCK_D);
  });

  test('G17b describe lists a core/v1 Event about the widget', async () => {
    const w = (await env.custom.getNamespacedCustomObject({ ...WIDGETS, namespace: 'demo', name: 'w1' })) as {
      metadata: { uid: string };
    };
    const now = new Date();
    await env.core.createNamespacedEvent({
      namespace: 'demo',
      body: {
        metadata: { name: 'w1.1' },
        involvedObject: {
          apiVersion: 'example.com/v1alpha1',
          kind: 'Widget',
          name: 'w1',
          namespace: 'demo',
          uid: w.metadata.uid,
        },
        reason: 'Reconciled',
        message: 'Widget reconciled successfully',
        type: 'Normal',
        count: 2,
        source: { component: 'widget-operator' },
        firstTimestamp: now,
        lastTimestamp: now,
      },
    });
    const text = out(await k.run(['describe', 'widget', 'w1', '-n', 'demo']));
    const tail = text
      .slice(text.indexOf('Events:'))
      .replace(/\d+s \(x2 over \d+s\)/, '<AGE> (x2 over <AGE>)');
    expect(tail.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      'Events:',
      'Type Reason Age From Message',
      '---- ------ ---- ---- -------',
      'Normal Reconciled <AGE> (x2 over <AGE>) widget-operator Widget reconciled successfully',
    ]);
    await env.core.deleteNamespacedEvent({ name: 'w1.1', namespace: 'demo' });
  });

  test('G20 label, overwrite, unlabel and unlabel-again print the contract texts', async () => {
    expect(out(await k.run(['label', 'widget', 'w1', '-n', 'demo', 'tier=gold']))).toBe(
      'widget.example.com/w1 labeled',
    );
    expect(out(await k.run(['label', 'widget', 'w1', '-n', 'demo', 'tier=gold', '--overwrite']))).toBe(
      'widget.example.com/w1 not labeled',
    );
    expect(out(await k.run(['label', 'widget', 'w1', '-n', 'demo', 'tier-']))).toBe(
      'widget.example.com/w1 unlabeled',
    );
    const again = await k.run(['label', 'widget', 'w1', '-n', 'demo', 'tier-']);
    // Deliberate deviation from the prototype-observed "not labeled": like the real apiserver (ObjectMeta is
    // re-encoded with omitempty, contract §5), the emptied labels map was dropped, so kubectl's local
    // `labels: {}` differs from the object it read and it prints "labeled". Either way no PATCH changes anything.
    expect([again.code, out(again)]).toEqual([0, 'label "tier" not found.\nwidget.example.com/w1 labeled']);
  });

  test('G21 annotate --overwrite', async () => {
    expect(out(await k.run(['annotate', 'widget', 'w1', '-n', 'demo', 'note=x', '--overwrite']))).toBe(
      'widget.example.com/w1 annotated',
    );
  });

  test('G6 apply with size 5 is configured via merge patch, bumps generation, and wait for Ready times out', async () => {
    const mark = env.server.requestLog.mark();
    const file = k.file('widget5.yaml', WIDGET_YAML.replace('size: 3', 'size: 5'));
    expect(out(await k.run(['apply', '-f', file]))).toBe('widget.example.com/w1 configured');
    expect(env.server.requestLog.count({ verb: 'patch', resource: 'widgets', name: 'w1', since: mark })).toBe(
      1,
    );
    const w = (await env.custom.getNamespacedCustomObject({ ...WIDGETS, namespace: 'demo', name: 'w1' })) as {
      metadata: { generation: number };
    };
    expect(w.metadata.generation).toBe(2);
    const r = await k.run(['wait', '--for=condition=Ready', 'widget/w1', '-n', 'demo', '--timeout=2s']);
    expect([r.code, err(r)]).toEqual([1, 'error: timed out waiting for the condition on widgets/w1']);
  });

  test('G22–G24 errors for a missing object, an empty namespace and an unknown type', async () => {
    const missing = await k.run(['get', 'widget', 'nope', '-n', 'demo']);
    expect([missing.code, err(missing)]).toEqual([
      1,
      'Error from server (NotFound): widgets.example.com "nope" not found',
    ]);
    const empty = await k.run(['get', 'widgets', '-n', 'kube-system']);
    expect([empty.code, err(empty)]).toEqual([0, 'No resources found in kube-system namespace.']);
    const unknown = await k.run(['get', 'foo']);
    expect([unknown.code, err(unknown)]).toEqual([
      1,
      'error: the server doesn\'t have a resource type "foo"',
    ]);
  });

  test('G25–G26 a schema violation and an unknown field are refused with the contract messages', async () => {
    const bad = await k.run([
      'apply',
      '-f',
      k.file('bad.yaml', WIDGET_YAML.replace('size: 3', 'size: "string"')),
    ]);
    expect([bad.code, err(bad)]).toEqual([
      1,
      'The Widget "w1" is invalid: spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"',
    ]);
    const bogusFile = k.file(
      'bogus.yaml',
      WIDGET_YAML.replace('name: w1', 'name: w9').replace('color: blue', 'color: blue\n  bogus: 1'),
    );
    const bogus = await k.run(['apply', '-f', bogusFile]);
    expect([bogus.code, err(bogus)]).toEqual([
      1,
      `Error from server (BadRequest): error when creating "${bogusFile}": Widget in version "v1alpha1" cannot be handled as a Widget: strict decoding error: unknown field "spec.bogus"`,
    ]);
  });

  test('G28–G29 delete a Secret and a Widget; a second delete is NotFound', async () => {
    expect(out(await k.run(['delete', 'secret', 'creds', '-n', 'demo']))).toBe('secret "creds" deleted');
    expect(out(await k.run(['delete', 'widget', 'w1', '-n', 'demo']))).toBe(
      'widget.example.com "w1" deleted',
    );
    const again = await k.run(['delete', 'widget', 'w1', '-n', 'demo']);
    expect([again.code, err(again)]).toEqual([
      1,
      'Error from server (NotFound): widgets.example.com "w1" not found',
    ]);
  });

  test('G30 a finalizer holds kubectl delete until a JSON patch removes it', async () => {
    const fin = k.file(
      'fin.yaml',
      WIDGET_YAML.replace('namespace: demo', 'namespace: demo\n  finalizers: [example.com/cleanup]'),
    );
    expect(out(await k.run(['apply', '-f', fin]))).toBe('widget.example.com/w1 created');
    const timedOut = await k.run(['delete', 'widget', 'w1', '-n', 'demo', '--timeout=3s']);
    expect([timedOut.code, out(timedOut)]).toEqual([1, 'widget.example.com "w1" deleted']);
    expect(err(timedOut)).toContain('error: timed out waiting for the condition on widgets/w1');
    const yaml = out(await k.run(['get', 'widget', 'w1', '-n', 'demo', '-o', 'yaml']));
    expect(yaml).toContain('deletionTimestamp: "<RFC3339>"');
    expect(yaml).toContain('deletionGracePeriodSeconds: 0');
    expect(yaml).toContain('finalizers:\n  - example.com/cleanup\n  generation: 2');
    // WHEN a kubectl delete without timeout is waiting and the finalizer is removed THEN it exits 0
    const mark = env.server.requestLog.mark();
    const waiting = k.run(['delete', 'widget', 'w1', '-n', 'demo']);
    await env.server.requestLog.waitFor(
      { verb: 'watch', resource: 'widgets', namespace: 'demo', since: mark },
      1,
      10_000,
    );
    await env.custom.patchNamespacedCustomObject({
      ...WIDGETS,
      namespace: 'demo',
      name: 'w1',
      body: [{ op: 'remove', path: '/metadata/finalizers' }],
    });
    const done = await waiting;
    expect([done.code, out(done)]).toEqual([0, 'widget.example.com "w1" deleted']);
  });

  test('G31 delete ns waits until the namespace is gone', async () => {
    const r = await k.run(['delete', 'ns', 'demo']);
    expect([r.code, out(r)]).toEqual([0, 'namespace "demo" deleted']);
    expect(out(await k.run(['get', 'ns']))).not.toContain('demo');
  });

  test('G32 delete -f crd.yaml, then get crd finds nothing', async () => {
    expect(out(await k.run(['delete', '-f', files.crd]))).toBe(
      'customresourcedefinition.apiextensions.k8s.io "widgets.example.com" deleted',
    );
    const r = await k.run(['get', 'crd']);
    expect([r.code, err(r)]).toEqual([0, 'No resources found']);
  });
});

suite('kubectl 1.32 golden check G27 (fresh server)', () => {
  let env: KubeTestEnv;
  let k: KubectlRunner;

  beforeAll(async () => ({ env, k } = await startKubectlEnv()));
  afterAll(() => stopKubectlEnv({ env, k }));

  test('G27 CRD, namespace and Widget in one file: the Widget fails first, then a second apply creates it', async () => {
    const file = k.file('all.yaml', ALL_YAML);
    const first = await k.run(['apply', '-f', file]);
    expect(first.code).toBe(1);
    expect(out(first)).toBe(
      'customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\nnamespace/demo created',
    );
    expect(err(first)).toBe(
      `error: resource mapping not found for name: "w1" namespace: "demo" from "${file}": no matches for kind "Widget" in version "example.com/v1alpha1"\nensure CRDs are installed first`,
    );
    const second = await k.run(['apply', '-f', file]);
    expect([second.code, out(second)]).toEqual([
      0,
      'customresourcedefinition.apiextensions.k8s.io/widgets.example.com unchanged\nnamespace/demo unchanged\nwidget.example.com/w1 created',
    ]);
  });
});
