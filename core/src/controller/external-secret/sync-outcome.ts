/**
 * How the results of the write steps become Events and the Ready condition (ESO B.4, B.5, B.8, B.9).
 */
import type { ApplyResult } from './apply-target-secret.js';
import { TakeOwnershipError, TargetImmutableError, TargetOwnedError } from './external-secret-errors.js';
import type { DeletionOutcome } from './handle-deletion-policy.js';
import type { ExternalSecretSettings } from './load.js';
import type { ExternalSecretEvents } from './record-events.js';
import { StatusMessages, type StatusChange } from './write-status.js';

/** The Ready condition after deletionPolicy handled an empty result (`retained` or `deleted`). */
export function deletionStatus(
  outcome: Exclude<DeletionOutcome, { kind: 'continue' }>,
  events: ExternalSecretEvents,
): StatusChange {
  if (outcome.kind === 'retained') {
    return { ready: true, reason: 'SecretSynced', message: StatusMessages.retained, synced: true };
  }
  if (outcome.deleted) events.deletedByPolicy();
  return { ready: true, reason: 'SecretDeleted', message: StatusMessages.deleted, synced: true };
}

/** Events and the Ready condition after the target Secret was applied. */
export function applyStatus(
  result: ApplyResult,
  settings: ExternalSecretSettings,
  events: ExternalSecretEvents,
): StatusChange {
  switch (result.kind) {
    case 'missing':
      return { ready: true, reason: 'SecretMissing', message: StatusMessages.missing, synced: true };
    case 'skipped':
      return { ready: true, reason: 'SecretSynced', message: StatusMessages.synced, synced: true };
    case 'created':
      events.created();
      break;
    case 'updated':
      events.updated();
      break;
    case 'unchanged':
      break;
  }
  return {
    ready: true,
    reason: 'SecretSynced',
    message: StatusMessages.synced,
    synced: true,
    binding: settings.targetName,
  };
}

/** ESO's condition message for a failed apply, by error type. */
export function applyFailureMessage(error: Error): string {
  if (error instanceof TargetImmutableError) return StatusMessages.updateImmutable;
  if (error instanceof TargetOwnedError) return StatusMessages.ownedByOther;
  if (error instanceof TakeOwnershipError) return StatusMessages.takeOwnershipFailed;
  return StatusMessages.updateFailed;
}
