/**
 * Throughput of the Kubernetes API emulator: requests/s for get, create, update, list of 10,000 objects, and watch
 * fan-out. The emulator runs in its own process (one JS thread, like a single core); the load comes from this one over
 * HTTPS keep-alive connections. Run with `npm run bench:kube` (or `npx tsx bench/kube-emulator.ts`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { createInterface } from 'node:readline';
import { parse } from 'yaml';

interface Target {
  url: string;
  token: string;
  ca: string;
}

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
let serverPid = 0;

/** CPU seconds (user + system) the emulator process has used so far; undefined off Linux. */
function serverCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

async function startEmulator(): Promise<{ child: ChildProcess; target: Target }> {
  const main = new URL('../test/src/emulators/kube-apiserver/main.ts', import.meta.url).pathname;
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
      '--import',
      'tsx',
      main,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const config = parse(readFileSync(first.replace(/^KUBECONFIG=/, ''), 'utf8')) as {
    clusters: Array<{ cluster: { server: string; 'certificate-authority-data': string } }>;
    users: Array<{ user: { token: string } }>;
  };
  const cluster = config.clusters[0].cluster;
  return {
    child,
    target: {
      url: cluster.server,
      token: config.users[0].user.token,
      ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString(),
    },
  };
}

function call(
  t: Target,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${t.token}`,
      Accept: 'application/json',
    };
    if (payload)
      Object.assign(headers, {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(payload)),
      });
    const req = request(new URL(path, t.url), { method, headers, ca: t.ca, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Runs `n` requests with CONCURRENCY in flight; returns requests per second. */
async function measure(
  name: string,
  n: number,
  make: (i: number) => Promise<{ status: number }>,
  expected: number,
): Promise<number> {
  let next = 0;
  let failures = 0;
  const cpuBefore = serverCpuSeconds();
  const started = process.hrtime.bigint();
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      if ((await make(i)).status !== expected) failures++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = n / seconds;
  const cpuAfter = serverCpuSeconds();
  const perCpu =
    cpuBefore !== undefined && cpuAfter !== undefined && cpuAfter > cpuBefore
      ? n / (cpuAfter - cpuBefore)
      : undefined;
  const cpuText = perCpu === undefined ? '' : `  ${perCpu.toFixed(0).padStart(7)} req per server CPU-second`;
  console.log(
    `${name.padEnd(34)} ${String(n).padStart(6)} requests  ${rate.toFixed(0).padStart(7)} req/s${cpuText}${failures ? `  (${failures} unexpected statuses!)` : ''}`,
  );
  return rate;
}

async function watchFanOut(t: Target, watchers: number, events: number): Promise<void> {
  await call(t, 'POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'fan' },
  });
  const watchAgent = new Agent({ keepAlive: false });
  let received = 0;
  const total = watchers * events;
  let done!: () => void;
  const allReceived = new Promise<void>((r) => (done = r));
  const requests = await Promise.all(
    Array.from(
      { length: watchers },
      () =>
        new Promise<ReturnType<typeof request>>((resolve) => {
          const req = request(
            new URL('/api/v1/namespaces/fan/configmaps?watch=true', t.url),
            { headers: { Authorization: `Bearer ${t.token}` }, ca: t.ca, agent: watchAgent },
            (res) => {
              res.on('error', () => undefined);
              const lines = createInterface({ input: res });
              lines.on('error', () => undefined);
              lines.on('line', () => {
                if (++received === total) done();
              });
              resolve(req);
            },
          );
          req.on('error', () => undefined);
          req.end();
        }),
    ),
  );
  const cpuBefore = serverCpuSeconds();
  const started = process.hrtime.bigint();
  await measure(
    `create while ${watchers} watches follow`,
    events,
    (i) =>
      call(t, 'POST', '/api/v1/namespaces/fan/configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `f${i}` },
      }),
    201,
  );
  await allReceived;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = (serverCpuSeconds() ?? 0) - (cpuBefore ?? 0);
  const cpuText = cpu > 0 ? `  ${(total / cpu).toFixed(0).padStart(7)} events per server CPU-second` : '';
  console.log(
    `${'watch fan-out events delivered'.padEnd(34)} ${String(total).padStart(6)} events    ${(total / seconds).toFixed(0).padStart(7)} events/s${cpuText}`,
  );
  for (const r of requests) r.destroy();
  watchAgent.destroy();
}

async function main(): Promise<void> {
  const { child, target: t } = await startEmulator();
  serverPid = child.pid ?? 0;
  try {
    console.log(`kube emulator at ${t.url}; ${CONCURRENCY} requests in flight over HTTPS keep-alive\n`);
    await call(t, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'bench' },
    });
    await call(t, 'POST', '/api/v1/namespaces/bench/secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { k: 'v' },
    });
    await measure('warm-up get', 2000, () => call(t, 'GET', '/api/v1/namespaces/bench/secrets/s'), 200);
    await measure('get Secret', 20_000, () => call(t, 'GET', '/api/v1/namespaces/bench/secrets/s'), 200);
    const cm = (i: number, v = '0') => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `cm-${i}`, labels: { app: 'bench' } },
      data: { v },
    });
    await measure(
      'create ConfigMap',
      10_000,
      (i) => call(t, 'POST', '/api/v1/namespaces/bench/configmaps', cm(i)),
      201,
    );
    await measure(
      'update ConfigMap (PUT)',
      10_000,
      (i) => call(t, 'PUT', `/api/v1/namespaces/bench/configmaps/cm-${i}`, cm(i, '1')),
      200,
    );
    const lists = await measure(
      'list 10,000 ConfigMaps',
      20,
      () => call(t, 'GET', '/api/v1/namespaces/bench/configmaps'),
      200,
    );
    console.log(
      `${''.padEnd(34)} ${''.padStart(6)}           ${(lists * 10_000).toFixed(0).padStart(7)} objects/s listed`,
    );
    await measure(
      'list 10,000, labelSelector + limit',
      20,
      () => call(t, 'GET', '/api/v1/namespaces/bench/configmaps?labelSelector=app%3Dbench&limit=500'),
      200,
    );
    await watchFanOut(t, 100, 1000);
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
