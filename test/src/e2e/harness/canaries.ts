/**
 * Canary values: unique strings planted as secret values by the scenarios, then searched for
 * everywhere the operator writes text a user or an attacker could read — its logs (stdout and
 * stderr of every operator process, even killed ones), Events and the status of every
 * external-secrets.io object (now and as they were, even for objects deleted since), and
 * `/metrics` (of a stopped operator, as it was just before the stop; a killed one's cannot be
 * read). A canary found there is a leak.
 */
import { randomBytes } from 'node:crypto';
import { STATUS_KINDS, type KubeUser } from './kube-user.js';
import type { OperatorProcess } from './operator-process.js';

/** Where a canary was found. */
export interface Leak {
  readonly canary: string;
  readonly where: string;
}

/** See the module comment. */
export class Canaries {
  private readonly planted: string[] = [];

  /** A fresh canary value (long enough for the redactor, unique per call). */
  plant(label: string): string {
    const value = `canary-${label}-${randomBytes(8).toString('hex')}`;
    this.planted.push(value);
    return value;
  }

  /** Every canary planted so far. */
  get values(): readonly string[] {
    return this.planted;
  }

  /**
   * Searches every operator-visible text for every canary, raw and base64-encoded: the operators' output, the
   * current Events and statuses, and `history` (every status and Event seen since the start, as text).
   */
  async findLeaks(user: KubeUser, operators: readonly OperatorProcess[], history: string): Promise<Leak[]> {
    const texts: { where: string; text: string }[] = [{ where: 'past statuses and Events', text: history }];
    for (const operator of operators) {
      texts.push({ where: `${operator.name} stdout`, text: operator.stdout.join('\n') });
      texts.push({ where: `${operator.name} stderr`, text: operator.stderr });
      const metrics = operator.running ? await operator.metrics() : operator.metricsAtStop;
      if (metrics !== undefined) texts.push({ where: `${operator.name} /metrics`, text: metrics });
    }
    texts.push({ where: 'Events', text: JSON.stringify(await user.events()) });
    for (const kind of STATUS_KINDS) {
      const statuses = (await user.list(kind)).map((object) => ({
        name: object.metadata.name,
        status: object.status,
      }));
      texts.push({ where: `${kind} status`, text: JSON.stringify(statuses) });
    }
    const leaks: Leak[] = [];
    for (const canary of this.planted) {
      const forms = [canary, Buffer.from(canary).toString('base64')];
      for (const { where, text } of texts) {
        if (forms.some((form) => text.includes(form))) leaks.push({ canary, where });
      }
    }
    return leaks;
  }
}
