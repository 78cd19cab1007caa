import { Command } from 'commander';
import { EngineTemplateRenderer } from '../controller/external-secret/engine-template-renderer.js';
import { DEFAULT_TEMPLATE_LIMITS } from '../template/index.js';
import {
  defineOperatorFlags,
  InvalidFlagError,
  parseOperatorFlags,
  TEMPLATE_LIMIT_NAMES,
} from './operator-flags.js';

/** Parses `args` as `tessera operator <args>` would and returns the validated flags. */
function flags(...args: string[]) {
  const command = defineOperatorFlags(new Command('operator').exitOverride());
  command.parse(args, { from: 'user' });
  return parseOperatorFlags(command.opts());
}

describe('tessera operator flags', () => {
  it("defaults to ESO's values when no flag is given", () => {
    // GIVEN no flags WHEN parsed THEN ESO's defaults apply
    expect(flags()).toEqual({
      kubeconfigPath: undefined,
      context: undefined,
      namespace: undefined,
      concurrency: 1,
      controllerClass: 'default',
      leaderElection: false,
      leaderElectionId: 'tessera-controller',
      leaderElectionNamespace: undefined,
      leaseDurationMs: 15_000,
      renewDeadlineMs: 10_000,
      retryPeriodMs: 2_000,
      metricsAddress: ':8080',
      healthAddress: ':8082',
      qps: 50,
      burst: 100,
      logLevel: 'info',
      storeRequeueIntervalMs: 300_000,
      floodGate: true,
      clusterStoreReconciler: true,
      clusterExternalSecretReconciler: true,
      templateLimits: { ...DEFAULT_TEMPLATE_LIMITS },
      heapGrowingPercent: 20,
    });
  });

  it('takes --heap-growing-percent as a whole number, 0 included, and refuses anything else', () => {
    // GIVEN the flag set WHEN parsed THEN the value is kept; 0 (V8's heuristic) is allowed
    expect(flags('--heap-growing-percent=50').heapGrowingPercent).toBe(50);
    expect(flags('--heap-growing-percent', '0').heapGrowingPercent).toBe(0);
    // AND a fraction or a negative value fails with the flag's name
    expect(() => flags('--heap-growing-percent=1.5')).toThrow(
      new InvalidFlagError(
        '--heap-growing-percent="1.5" must be a whole number; write e.g. --heap-growing-percent=20',
      ),
    );
    expect(() => flags('--heap-growing-percent=-3')).toThrow(
      /--heap-growing-percent="-3" is not a non-negative number/,
    );
  });

  it('sets the template limits from --template-max-output-bytes, --template-max-steps and --template-max-depth', () => {
    // GIVEN an operator allowed bigger templates WHEN its flags are parsed THEN each limit is set
    expect(
      flags(
        '--template-max-output-bytes=2097152',
        '--template-max-steps',
        '5000000',
        '--template-max-depth=200',
      ).templateLimits,
    ).toEqual({ maxOutputBytes: 2_097_152, maxSteps: 5_000_000, maxDepth: 200 });
    // AND a flag left out keeps the engine's default
    expect(flags('--template-max-depth=7').templateLimits).toEqual({
      ...DEFAULT_TEMPLATE_LIMITS,
      maxDepth: 7,
    });
  });

  it('makes a template limit error tell the user which operator flag to raise', async () => {
    // GIVEN the operator's renderer with a depth limit of 5
    const renderer = new EngineTemplateRenderer({
      limits: { maxDepth: 5 },
      limitNames: TEMPLATE_LIMIT_NAMES,
    });
    // WHEN a template recurses without end
    const rendering = renderer.render({
      template: { data: { out: '{{ define "l" }}{{ template "l" . }}{{ end }}{{ template "l" . }}' } },
      namespace: 'team',
      data: {},
    });
    // THEN the error names the flag
    await expect(rendering).rejects.toThrow(
      /exceeded maximum template depth \(5\); a template may call itself without end, or raise the operator flag --template-max-depth$/,
    );
  });

  it("accepts ESO's flag names and Go's boolean and duration forms", () => {
    // GIVEN the flags an ESO Deployment would pass
    const parsed = flags(
      '--concurrent=4',
      '--namespace',
      'team-a',
      '--controller-class=tessera',
      '--enable-leader-election',
      '--leader-election-id=lease',
      '--leader-election-lease-duration=1500ms',
      '--client-qps=0',
      '--client-burst=10',
      '--loglevel=debug',
      '--store-requeue-interval=1m30s',
      '--enable-flood-gate=false',
      '--metrics-addr=127.0.0.1:0',
      '--live-addr=0',
    );
    // THEN each is mapped to its setting
    expect(parsed).toMatchObject({
      concurrency: 4,
      namespace: 'team-a',
      controllerClass: 'tessera',
      leaderElection: true,
      leaderElectionId: 'lease',
      leaseDurationMs: 1500,
      qps: 0,
      burst: 10,
      logLevel: 'debug',
      storeRequeueIntervalMs: 90_000,
      floodGate: false,
      metricsAddress: '127.0.0.1:0',
      healthAddress: '0',
    });
  });

  it.each([
    [['--concurrent=0'], '--concurrent="0" must be a whole number of at least 1'],
    [['--store-requeue-interval=5d'], '--store-requeue-interval="5d" is not a positive Go duration'],
    [['--enable-flood-gate=maybe'], '--enable-flood-gate="maybe" is not a boolean'],
    [['--loglevel=trace'], 'unknown log level "trace"'],
    [['--metrics-addr=localhost'], '--metrics-addr: "localhost" is not a listen address'],
    [['--template-max-depth=0'], '--template-max-depth="0" must be a whole number of at least 1'],
    [['--template-max-steps=lots'], '--template-max-steps="lots" is not a non-negative number'],
    [['--template-max-output-bytes=1.5'], '--template-max-output-bytes="1.5" must be a whole number'],
  ])('rejects %j naming the flag and an accepted form', (args, message) => {
    // GIVEN an unusable value WHEN parsed THEN a typed error names the flag
    expect(() => flags(...args)).toThrow(InvalidFlagError);
    expect(() => flags(...args)).toThrow(message);
  });
});
