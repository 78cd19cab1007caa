import { TesseraError } from '../provider/errors.js';

/** The kubeconfig is missing or has no usable cluster. */
export class KubeConfigError extends TesseraError {
  readonly reason = 'InvalidKubeConfig';
}
