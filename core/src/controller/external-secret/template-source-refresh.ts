/**
 * Refresh decision for template-source edits: an edit of a `templateFrom` ConfigMap or Secret counts
 * as a change of the ExternalSecret's spec (Tessera; ESO notices only at the next refresh).
 *
 * It refreshes when a spec change would: Periodic with a positive interval, and OnChange; never
 * CreatedOnce, nor Periodic with `refreshInterval: 0` (those do not refresh on spec changes either).
 *
 * What each ExternalSecret was last rendered with is kept in memory: the sources' fingerprint taken
 * before a refresh that succeeded. After a restart nothing is known; the first reconcile records the
 * current fingerprint, so an edit made while the operator was down is picked up by the next regular
 * refresh, not at once.
 */
import type { ExternalSecret } from '../../api/v1/index.js';
import type { ExternalSecretSettings } from './load.js';
import type { RefreshDecision } from './should-refresh.js';
import type { TemplateSourceVersions } from './template-source-watch.js';

/** A decision plus the fingerprint to record once the refresh succeeded. */
export interface TemplateAwareDecision extends RefreshDecision {
  readonly fingerprint?: string;
}

function refreshesOnSpecChange(settings: ExternalSecretSettings): boolean {
  if (settings.refreshPolicy === 'OnChange') return true;
  return settings.refreshPolicy === 'Periodic' && settings.refreshIntervalMs > 0;
}

/** See the module comment. One per reconciler. */
export class TemplateSourceRefresh {
  private readonly renderedWith = new Map<string, string>();

  constructor(private readonly versions: TemplateSourceVersions | undefined) {}

  /** `decision`, turned into a refresh when the template sources changed since the last render. */
  decide(
    key: string,
    es: ExternalSecret,
    settings: ExternalSecretSettings,
    decision: RefreshDecision,
  ): TemplateAwareDecision {
    const fingerprint = this.versions?.fingerprint(es);
    if (fingerprint === undefined || fingerprint === '') {
      this.renderedWith.delete(key);
      return decision;
    }
    if (decision.refresh) return { ...decision, fingerprint };
    const recorded = this.renderedWith.get(key);
    if (recorded === undefined) {
      this.renderedWith.set(key, fingerprint);
      return decision;
    }
    if (recorded !== fingerprint && refreshesOnSpecChange(settings))
      return { refresh: true, reason: 'template-source-changed', fingerprint };
    return decision;
  }

  /** Records what a successful refresh rendered with. */
  rendered(key: string, decision: TemplateAwareDecision): void {
    if (decision.fingerprint !== undefined) this.renderedWith.set(key, decision.fingerprint);
  }

  /** Forgets a deleted ExternalSecret. */
  forget(key: string): void {
    this.renderedWith.delete(key);
  }
}
