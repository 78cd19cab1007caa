/**
 * Template rendering throughput: renders/second for a kubernetes.io/dockerconfigjson template and
 * for a 1,000-key range, compiled once (how Tessera can cache templates) and parsed on every render
 * (what ESO does). Run with `npm run bench:template` (or `npx tsx bench/template.ts`).
 */
import { compileTemplate, renderTemplate } from '../core/src/template/index.js';

const DOCKERCONFIG =
  '{"auths":{"{{ .registry }}":{"username":"{{ .username }}","password":"{{ .password }}","auth":"{{ printf "%s:%s" .username .password | b64enc }}"}}}';
const RANGE = '{{ range $k, $v := . }}{{ $k }}={{ $v | b64enc }}\n{{ end }}';
const BUDGET_MS = Number(process.env.BENCH_MS ?? 1500);

function measure(name: string, run: () => unknown): void {
  for (let i = 0; i < 50; i++) run();
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < BUDGET_MS) {
    for (let i = 0; i < 20; i++) run();
    n += 20;
    elapsed = performance.now() - start;
  }
  const perSecond = (n * 1000) / elapsed;
  console.log(
    `${name.padEnd(52)} ${perSecond.toFixed(0).padStart(9)} renders/s  ${((elapsed * 1000) / n).toFixed(1).padStart(8)} µs/render`,
  );
}

const registry = { registry: 'ghcr.io', username: 'robot$ci', password: 'pa55w0rd-with-some-length' };
const thousand = Object.fromEntries(
  Array.from({ length: 1000 }, (_, i) => [
    `key-${String(i).padStart(4, '0')}`,
    `value number ${i} with a bit of text`,
  ]),
);

const docker = compileTemplate(DOCKERCONFIG, { name: '.dockerconfigjson' });
const range = compileTemplate(RANGE, { name: 'config' });

console.log(`Node ${process.version}, ${BUDGET_MS} ms per figure`);
measure('dockerconfigjson, compiled once', () => docker.execute(registry));
measure('dockerconfigjson, parsed every render (ESO-style)', () => renderTemplate(DOCKERCONFIG, registry));
measure('range over 1,000 keys with b64enc, compiled once', () => range.execute(thousand));
measure('range over 1,000 keys, parsed every render', () => renderTemplate(RANGE, thousand));
