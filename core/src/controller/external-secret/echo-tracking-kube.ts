/**
 * The ExternalSecret reconcile's own writes, made visible to the watches: a {@link KubeClient}
 * whose creates, updates and patches of ExternalSecrets and Secrets go through
 * {@link WriteEchoes.track} for the queue key being reconciled, so the watch events echoing them
 * queue nothing (see `write-echoes.ts`). Reads, status writes and deletes pass straight through.
 */
import type {
  KindRef,
  KubeClient,
  KubeObject,
  ListOptions,
  ObjectRef,
  PatchType,
} from '../../kube/kube-port.js';
import type { WriteEchoes } from '../write-echoes.js';

/** The echoes the ExternalSecret controller tracks, one per watched kind. */
export interface ExternalSecretWriteEchoes {
  readonly externalSecrets: WriteEchoes;
  /** Managed Secrets (the targets). */
  readonly secrets: WriteEchoes;
}

/** See the module comment. Build one per reconcile. */
export class EchoTrackingKube implements KubeClient {
  constructor(
    private readonly kube: KubeClient,
    private readonly echoes: ExternalSecretWriteEchoes,
    /** The queue key of the reconcile making the writes. */
    private readonly by: string,
  ) {}

  get<T extends KubeObject>(ref: ObjectRef): Promise<T | undefined> {
    return this.kube.get<T>(ref);
  }

  list<T extends KubeObject>(kind: KindRef, options?: ListOptions): Promise<T[]> {
    return this.kube.list<T>(kind, options);
  }

  create<T extends KubeObject>(object: T, options?: { fieldManager?: string }): Promise<T> {
    return this.tracked(object.kind, object.metadata, () => this.kube.create(object, options));
  }

  update<T extends KubeObject>(object: T, options?: { fieldManager?: string }): Promise<T> {
    return this.tracked(object.kind, object.metadata, () => this.kube.update(object, options));
  }

  updateStatus<T extends KubeObject>(object: T): Promise<T> {
    return this.kube.updateStatus(object);
  }

  patch<T extends KubeObject>(ref: ObjectRef, patch: unknown, type: PatchType): Promise<T> {
    return this.tracked(ref.kind, ref, () => this.kube.patch<T>(ref, patch, type));
  }

  patchStatus<T extends KubeObject>(ref: ObjectRef, patch: unknown, type: PatchType): Promise<T> {
    return this.kube.patchStatus<T>(ref, patch, type);
  }

  delete(ref: ObjectRef, options?: Parameters<KubeClient['delete']>[1]): Promise<void> {
    return this.kube.delete(ref, options);
  }

  private tracked<T extends KubeObject>(
    kind: string | undefined,
    at: { readonly name?: string; readonly namespace?: string },
    write: () => Promise<T>,
  ): Promise<T> {
    const echoes =
      kind === 'ExternalSecret'
        ? this.echoes.externalSecrets
        : kind === 'Secret'
          ? this.echoes.secrets
          : undefined;
    if (echoes === undefined || !at.name) return write();
    return echoes.track(`${at.namespace ?? ''}/${at.name}`, this.by, write);
  }
}
