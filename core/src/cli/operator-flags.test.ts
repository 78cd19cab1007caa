import { Command } from 'commander';
import { defineOperatorFlags, InvalidFlagError, parseOperatorFlags } from './operator-flags.js';

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
    });
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
  ])('rejects %j naming the flag and an accepted form', (args, message) => {
    // GIVEN an unusable value WHEN parsed THEN a typed error names the flag
    expect(() => flags(...args)).toThrow(InvalidFlagError);
    expect(() => flags(...args)).toThrow(message);
  });
});
