/**
 * What the composition root (`cli/src/main.ts`) hands to every sub-command. Core knows no provider;
 * the root lists the ones it loads and passes them here.
 */
import type { ContainerModule } from 'inversify';
import type { TemplateRenderer } from '../controller/external-secret/template-renderer.js';
import type { ProviderDescriptor } from '../provider/provider.js';

/** Dependencies of the `tessera` sub-commands. */
export interface CliDeps {
  /** Descriptors of the loaded providers; they shape `spec.provider` in validation and CRDs. */
  readonly providers: readonly ProviderDescriptor[];
  /** The providers' inversify ContainerModules (for commands that build a container). */
  readonly providerModules: readonly ContainerModule[];
  /** Renders ExternalSecret templates in the operator. @default the template engine (`EngineTemplateRenderer`) */
  readonly templateRenderer?: TemplateRenderer;
  /** Writes text to standard output (no newline added). @default process.stdout */
  readonly stdout: (text: string) => void;
  /** Writes text to standard error (no newline added). @default process.stderr */
  readonly stderr: (text: string) => void;
}
