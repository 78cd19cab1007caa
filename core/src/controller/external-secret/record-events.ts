/**
 * Step: Kubernetes Events about an ExternalSecret, with ESO's reasons and messages (B.9).
 *
 * | type    | reason                | message                                                 |
 * |---------|-----------------------|---------------------------------------------------------|
 * | Normal  | Created               | secret created                                          |
 * | Normal  | Updated               | secret updated (only when the Secret really changed)    |
 * | Normal  | Deleted               | secret deleted due to DeletionPolicy=Delete / …because it was orphaned |
 * | Normal  | MissingProviderSecret | secret does not exist at provider using spec.dataFrom[i] / spec.data[i] (key=…) |
 * | Warning | UpdateFailed          | the error, on every failure                             |
 *
 * ESO's MissingProviderSecret text says `spec.dataFrom[i]` even for `data[]` entries (a documented
 * quirk); Tessera names the real field. Every message passes through the redactor, although none is
 * built from values: this is the last line of defence.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { EventRecorder } from '../../kube/kube-port.js';
import type { TextRedactor } from '../../logging/redactor.js';
import type { MissingEntry } from './fetch-remote-data.js';

/** ESO's event reasons for ExternalSecrets. */
export const EventReasons = {
  created: 'Created',
  updated: 'Updated',
  deleted: 'Deleted',
  missingProviderSecret: 'MissingProviderSecret',
  updateFailed: 'UpdateFailed',
} as const;

/** Records the events of one ExternalSecret. */
export class ExternalSecretEvents {
  constructor(
    private readonly recorder: EventRecorder,
    private readonly es: ExternalSecret,
    private readonly redactor?: TextRedactor,
  ) {}

  created(): void {
    this.normal(EventReasons.created, 'secret created');
  }

  updated(): void {
    this.normal(EventReasons.updated, 'secret updated');
  }

  deletedByPolicy(): void {
    this.normal(EventReasons.deleted, 'secret deleted due to DeletionPolicy=Delete');
  }

  deletedOrphans(names: readonly string[]): void {
    for (const _ of names) this.normal(EventReasons.deleted, 'secret deleted because it was orphaned');
  }

  missingProviderSecrets(missing: readonly MissingEntry[]): void {
    for (const entry of missing) {
      const field = `spec.${entry.source}[${entry.index}]`;
      const message = entry.key === undefined ? field : `${field} (key=${entry.key})`;
      this.normal(EventReasons.missingProviderSecret, `secret does not exist at provider using ${message}`);
    }
  }

  updateFailed(error: Error): void {
    this.record('Warning', EventReasons.updateFailed, error.message);
  }

  private normal(reason: string, message: string): void {
    this.record('Normal', reason, message);
  }

  private record(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.recorder.record(this.es, type, reason, this.redactor ? this.redactor.redact(message) : message);
  }
}
