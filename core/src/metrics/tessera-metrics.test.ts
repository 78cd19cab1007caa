import { TesseraMetrics } from './tessera-metrics.js';

describe('TesseraMetrics', () => {
  it('exports ESO-named ExternalSecret sync counters with name and namespace labels', async () => {
    const metrics = new TesseraMetrics({ processMetrics: false });
    metrics.recordSync({ name: 'db', namespace: 'team-a' }, false);
    metrics.recordSync({ name: 'db', namespace: 'team-a' }, true);
    const text = await metrics.render();
    expect(text).toContain('externalsecret_sync_calls_total{name="db",namespace="team-a"} 2');
    expect(text).toContain('externalsecret_sync_calls_error{name="db",namespace="team-a"} 1');
  });

  it('keeps both Ready=True and Ready=False series, the inactive one at 0', async () => {
    const metrics = new TesseraMetrics({ processMetrics: false });
    metrics.setCondition('externalsecret', { name: 'db', namespace: 'a' }, 'Ready', 'False');
    metrics.setCondition('externalsecret', { name: 'db', namespace: 'a' }, 'Ready', 'True');
    const text = await metrics.render();
    expect(text).toContain(
      'externalsecret_status_condition{name="db",namespace="a",condition="Ready",status="True"} 1',
    );
    expect(text).toContain(
      'externalsecret_status_condition{name="db",namespace="a",condition="Ready",status="False"} 0',
    );
  });

  it('exports status conditions and durations for every kind ESO does, durations in nanoseconds', async () => {
    const metrics = new TesseraMetrics({ processMetrics: false });
    metrics.setCondition('clustersecretstore', { name: 'vault' }, 'Ready', 'True');
    metrics.setReconcileDuration('secretstore', { name: 's', namespace: 'a' }, 0.25);
    const text = await metrics.render();
    expect(text).toContain(
      'clustersecretstore_status_condition{name="vault",namespace="",condition="Ready",status="True"} 1',
    );
    expect(text).toContain('secretstore_reconcile_duration{name="s",namespace="a"} 250000000');
    for (const kind of [
      'externalsecret',
      'secretstore',
      'clustersecretstore',
      'clusterexternalsecret',
      'pushsecret',
      'clusterpushsecret',
    ]) {
      expect(text).toContain(`# TYPE ${kind}_status_condition gauge`);
      expect(text).toContain(`# TYPE ${kind}_reconcile_duration gauge`);
    }
  });

  it('removes every series of a deleted object', async () => {
    const metrics = new TesseraMetrics({ processMetrics: false });
    metrics.recordSync({ name: 'gone', namespace: 'a' }, false);
    metrics.setCondition('externalsecret', { name: 'gone', namespace: 'a' }, 'Ready', 'True');
    metrics.setReconcileDuration('externalsecret', { name: 'gone', namespace: 'a' }, 1);
    metrics.forgetObject('externalsecret', { name: 'gone', namespace: 'a' });
    expect(await metrics.render()).not.toContain('name="gone"');
  });

  it('counts provider calls by store, provider, operation and outcome, and in ESO’s counter', async () => {
    // GIVEN an observer for one store, as the client cache hands to providers
    const metrics = new TesseraMetrics({ processMetrics: false });
    const observer = metrics.observerFor({
      store: { kind: 'SecretStore', namespace: 'a', name: 'op' },
      provider: 'onepassword',
    });
    // WHEN calls are observed
    observer.observe({ operation: 'GetItem', outcome: 'success', seconds: 0.02 });
    observer.observe({ operation: 'GetItem', outcome: 'not_found', seconds: 0.01 });
    const text = await metrics.render();
    // THEN both families count them
    expect(text).toContain(
      'tessera_provider_calls_total{store="SecretStore/a/op",provider="onepassword",operation="GetItem",outcome="success"} 1',
    );
    expect(text).toContain(
      'tessera_provider_calls_total{store="SecretStore/a/op",provider="onepassword",operation="GetItem",outcome="not_found"} 1',
    );
    expect(text).toContain(
      'tessera_provider_call_duration_seconds_count{store="SecretStore/a/op",provider="onepassword",operation="GetItem"} 2',
    );
    expect(text).toContain(
      'externalsecret_provider_api_calls_count{provider="onepassword",call="GetItem",status="success"} 1',
    );
    expect(text).toContain(
      'externalsecret_provider_api_calls_count{provider="onepassword",call="GetItem",status="error"} 1',
    );
  });

  it('feeds controller-runtime reconcile and workqueue series from the controller observers', async () => {
    const metrics = new TesseraMetrics({ processMetrics: false });
    const { queue, reconcile } = metrics.controller('externalsecret');
    queue.added();
    queue.depth(3);
    queue.retried();
    reconcile.reconciled('success', 0.01);
    reconcile.reconciled('terminal_error', 0.01);
    const text = await metrics.render();
    expect(text).toContain(
      'controller_runtime_reconcile_total{controller="externalsecret",result="success"} 1',
    );
    expect(text).toContain(
      'controller_runtime_reconcile_total{controller="externalsecret",result="error"} 1',
    );
    expect(text).toContain(
      'controller_runtime_terminal_reconcile_errors_total{controller="externalsecret"} 1',
    );
    expect(text).toContain('controller_runtime_reconcile_time_seconds_count{controller="externalsecret"} 2');
    expect(text).toContain('workqueue_depth{name="externalsecret"} 3');
    expect(text).toContain('workqueue_adds_total{name="externalsecret"} 1');
    expect(text).toContain('workqueue_retries_total{name="externalsecret"} 1');
  });

  it('exports process metrics by default (RSS for the benchmarks)', async () => {
    expect(await new TesseraMetrics().render()).toContain('process_resident_memory_bytes');
  });

  it('keeps counting across scrapes: each scrape shows the totals so far', async () => {
    // GIVEN counts made before and after a first scrape
    const metrics = new TesseraMetrics({ processMetrics: false });
    const ref = { name: 'db', namespace: 'a' };
    const { queue, reconcile } = metrics.controller('externalsecret');
    const observer = metrics.observerFor({
      store: { kind: 'ClusterSecretStore', name: 's' },
      provider: 'fake',
    });
    metrics.recordSync(ref, true);
    queue.added();
    reconcile.reconciled('success', 0.01);
    observer.observe({ operation: 'GetSecret', outcome: 'success', seconds: 0.01 });
    const first = await metrics.render();
    metrics.recordSync(ref, false);
    queue.added();
    reconcile.reconciled('success', 0.01);
    observer.observe({ operation: 'GetSecret', outcome: 'success', seconds: 0.01 });
    // WHEN scraped twice more
    const second = await metrics.render();
    const third = await metrics.render();
    // THEN the first scrape showed the first counts and the later ones show the sums, unchanged by scraping
    expect(first).toContain('externalsecret_sync_calls_total{name="db",namespace="a"} 1');
    for (const text of [second, third]) {
      expect(text).toContain('externalsecret_sync_calls_total{name="db",namespace="a"} 2');
      expect(text).toContain('externalsecret_sync_calls_error{name="db",namespace="a"} 1');
      expect(text).toContain('workqueue_adds_total{name="externalsecret"} 2');
      expect(text).toContain(
        'controller_runtime_reconcile_total{controller="externalsecret",result="success"} 2',
      );
      expect(text).toContain(
        'tessera_provider_calls_total{store="ClusterSecretStore/s",provider="fake",operation="GetSecret",outcome="success"} 2',
      );
      expect(text).toContain(
        'externalsecret_provider_api_calls_count{provider="fake",call="GetSecret",status="success"} 2',
      );
    }
  });

  it('exports an Unknown condition series only while the condition is Unknown', async () => {
    const metrics = new TesseraMetrics({ processMetrics: false });
    const ref = { name: 's', namespace: 'a' };
    const unknown = 'secretstore_status_condition{name="s",namespace="a",condition="Ready",status="Unknown"}';
    metrics.setCondition('secretstore', ref, 'Ready', 'Unknown');
    const whileUnknown = await metrics.render();
    metrics.setCondition('secretstore', ref, 'Ready', 'True');
    const afterwards = await metrics.render();
    expect(whileUnknown).toContain(`${unknown} 1`);
    expect(whileUnknown).toContain(
      'secretstore_status_condition{name="s",namespace="a",condition="Ready",status="True"} 0',
    );
    expect(afterwards).not.toContain(unknown);
    expect(afterwards).toContain(
      'secretstore_status_condition{name="s",namespace="a",condition="Ready",status="True"} 1',
    );
  });
});
