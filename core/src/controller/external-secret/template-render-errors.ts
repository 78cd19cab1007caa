/**
 * Typed errors of template rendering. Messages name the field, the template (ESO names a template
 * after its key) and the position the engine reports, never a data value: the engine's messages
 * carry none, and YAML problems in rendered output are reported by line and column only.
 *
 * Retry policy, as ESO would (ESO retries every render failure with backoff) refined where a retry
 * cannot help:
 * - a template that does not parse, or a spec the engine cannot use (`engineVersion`, `templateAs`),
 *   is a {@link TerminalError}: nothing changes until the ExternalSecret or the template source is
 *   edited, and both edits queue the ExternalSecret again (the source is watched);
 * - an execution error or a limit hit is retried with backoff: it may depend on the provider's data
 *   (a missing key, a value that is not JSON, a `repeat` count taken from a value);
 * - a missing ConfigMap/Secret or key is retried: it may be created (and its creation queues the
 *   ExternalSecret at once).
 */
import { TesseraError } from '../../provider/errors.js';
import { TerminalError } from '../reconciler.js';

/** A template failed while executing or hit a limit. Retried with backoff. */
export class TemplateRenderError extends TesseraError {
  readonly reason = 'TemplateError';
}

/** A template does not parse. Terminal until the ExternalSecret or its template source changes. */
export class TemplateParseError extends TerminalError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { reason: 'TemplateError', cause: options.cause });
  }
}

/** The template spec asks for something the engine cannot do. Terminal until the ExternalSecret changes. */
export class TemplateSpecError extends TerminalError {
  constructor(message: string) {
    super(message, { reason: 'InvalidTemplate' });
  }
}

/** A `templateFrom` ConfigMap or Secret, or one of its keys, does not exist. Retried. */
export class TemplateSourceError extends TesseraError {
  readonly reason = 'TemplateSourceNotFound';
}
