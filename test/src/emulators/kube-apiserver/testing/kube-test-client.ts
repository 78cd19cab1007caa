import { request } from 'node:https';
import {
  ApiException,
  CoordinationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
  AppsV1Api,
  ApiextensionsV1Api,
  EventsV1Api,
} from '@kubernetes/client-node';
import {
  startKubeApiServer,
  type KubeApiServer,
  type KubeApiServerOptions,
} from '../start-kube-api-server.js';

/** A started emulator with client-node APIs configured from its kubeconfig. */
export interface KubeTestEnv {
  readonly server: KubeApiServer;
  readonly kc: KubeConfig;
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly custom: CustomObjectsApi;
  readonly crds: ApiextensionsV1Api;
  readonly coordination: CoordinationV1Api;
  readonly events: EventsV1Api;
  readonly objects: KubernetesObjectApi;
}

/** Starts an emulator and builds client-node clients from the kubeconfig it wrote (TLS verification on). */
export async function startKubeTestEnv(options: KubeApiServerOptions = {}): Promise<KubeTestEnv> {
  const server = await startKubeApiServer(options);
  const kc = new KubeConfig();
  kc.loadFromFile(server.kubeconfigPath);
  return {
    server,
    kc,
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    crds: kc.makeApiClient(ApiextensionsV1Api),
    coordination: kc.makeApiClient(CoordinationV1Api),
    events: kc.makeApiClient(EventsV1Api),
    objects: KubernetesObjectApi.makeApiClient(kc),
  };
}

/** The error a client-node call rejected with, or a failure if it resolved. */
export async function apiError(
  call: Promise<unknown>,
): Promise<{ code: number; status: Record<string, unknown> }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ApiException) {
      const body = typeof err.body === 'string' ? err.body : JSON.stringify(err.body ?? {});
      return { code: err.code, status: JSON.parse(body) as Record<string, unknown> };
    }
    throw err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Polls `condition` until it returns a truthy value or the deadline passes. */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'condition'}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A raw HTTPS reply. */
export interface RawReply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** Raw HTTPS request to the emulator (for what client-node cannot express), verified against its CA. */
export function rawRequest(
  server: KubeApiServer,
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string>; token?: string | null } = {},
): Promise<RawReply> {
  const url = new URL(path, server.url);
  const token = options.token === undefined ? server.adminToken : options.token;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...(options.headers ?? {}),
  };
  if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca: server.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/**
 * Creates a CRD from raw JSON. (client-node's typed CRD model renames schema keywords such as `default`, `enum` and
 * `x-kubernetes-*`, so fixtures go over raw HTTPS.)
 */
export async function createCrd(server: KubeApiServer, crd: Record<string, unknown>): Promise<void> {
  const reply = await rawRequest(server, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
    body: JSON.stringify(crd),
    headers: { 'Content-Type': 'application/json' },
  });
  if (reply.status !== 201) throw new Error(`creating CRD failed: ${reply.status} ${reply.body}`);
}

/** A fixture CRD `widgets.example.com` (the contract's Appendix A) with optional extra schema. */
export function widgetCrd(
  extraSpecProperties: Record<string, unknown> = {},
  required?: string[],
): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      names: {
        kind: 'Widget',
        listKind: 'WidgetList',
        plural: 'widgets',
        singular: 'widget',
        shortNames: ['wg'],
      },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1alpha1',
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: [
            { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
            { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
            {
              name: 'Message',
              type: 'string',
              priority: 1,
              jsonPath: '.status.conditions[?(@.type=="Ready")].message',
            },
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  ...(required ? { required } : {}),
                  properties: {
                    size: { type: 'integer', default: 1, maximum: 10 },
                    color: { type: 'string', enum: ['blue', 'red', 'green'] },
                    ...extraSpecProperties,
                  },
                },
                status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          },
        },
      ],
    },
  };
}

/** A Widget object. */
export function aWidget(
  name: string,
  namespace: string,
  spec: Record<string, unknown> = { size: 3, color: 'blue' },
): Record<string, unknown> {
  return { apiVersion: 'example.com/v1alpha1', kind: 'Widget', metadata: { name, namespace }, spec };
}

/** Widget coordinates for CustomObjectsApi calls. */
export const WIDGETS = { group: 'example.com', version: 'v1alpha1', plural: 'widgets' } as const;
