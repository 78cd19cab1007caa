import { Redactor } from '../../logging/redactor.js';
import { RecordingEventRecorder } from '../../testing/recording-event-recorder.js';
import { anExternalSecret } from '../../testing/fixtures.js';
import { ExternalSecretEvents } from './record-events.js';

describe('events', () => {
  test('use ESO reasons and messages', () => {
    const recorder = new RecordingEventRecorder();
    const events = new ExternalSecretEvents(recorder, anExternalSecret('es').build());
    events.created();
    events.updated();
    events.deletedByPolicy();
    events.deletedOrphans(['old']);
    events.missingProviderSecrets([
      { source: 'dataFrom', index: 1 },
      { source: 'data', index: 0, key: 'db' },
    ]);
    events.updateFailed(new Error('spec.data[0] (key=db): not found in SecretStore/store'));
    expect(recorder.events.map(({ type, reason, message }) => `${type} ${reason}: ${message}`)).toEqual([
      'Normal Created: secret created',
      'Normal Updated: secret updated',
      'Normal Deleted: secret deleted due to DeletionPolicy=Delete',
      'Normal Deleted: secret deleted because it was orphaned',
      'Normal MissingProviderSecret: secret does not exist at provider using spec.dataFrom[1]',
      'Normal MissingProviderSecret: secret does not exist at provider using spec.data[0] (key=db)',
      'Warning UpdateFailed: spec.data[0] (key=db): not found in SecretStore/store',
    ]);
  });

  test('a registered secret value never reaches an event', () => {
    const recorder = new RecordingEventRecorder();
    const redactor = new Redactor();
    redactor.register('hunter2-canary');
    new ExternalSecretEvents(recorder, anExternalSecret('es').build(), redactor).updateFailed(
      new Error('backend echoed hunter2-canary'),
    );
    expect(recorder.events[0].message).not.toContain('hunter2-canary');
  });
});
