/** Go text/template–compatible engine with ESO's function set. */
export {
  compileTemplate,
  renderTemplate,
  renderTemplateToBuffer,
  type CompiledTemplate,
  type ExecuteOptions,
  type TemplateOptions,
} from './compile-template.js';
export { TemplateError, type TemplateErrorDetails, type TemplateErrorPhase } from './template-error.js';
export {
  DEFAULT_LIMIT_NAMES,
  DEFAULT_TEMPLATE_LIMITS,
  type TemplateLimitNames,
  type TemplateLimits,
} from './limits.js';
export { ESO_FUNCTIONS } from './functions/index.js';
export { FuncError, type FuncMap, type FuncSpec, type CallContext } from './exec/func-spec.js';
export type { MissingKeyMode } from './exec/state.js';
