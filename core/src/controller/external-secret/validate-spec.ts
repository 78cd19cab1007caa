/**
 * ESO's admission rules for ExternalSecrets (A.9), re-checked at reconcile time so a cluster without
 * the admission webhook still gets ESO's answers. The messages are ESO's webhook messages; several
 * problems are reported together, separated by "; ".
 */
import { parseGoDuration, type ExternalSecret } from '../../api/v1/index.js';
import { InvalidSpecError } from './external-secret-errors.js';

const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';
const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
const BOOTSTRAP_TOKEN_TYPE = 'bootstrap.kubernetes.io/token';
const TEMPLATE_FROM_TARGETS = ['data', 'annotations', 'labels'];

function policyProblems(es: ExternalSecret): string[] {
  const creation = es.spec.target?.creationPolicy ?? 'Owner';
  const deletion = es.spec.target?.deletionPolicy ?? 'Retain';
  const problems: string[] = [];
  if (
    deletion === 'Delete' &&
    (creation === 'Merge' || creation === 'None' || creation === 'CreateOrMerge')
  ) {
    problems.push(
      "deletionPolicy=Delete must not be used when the controller doesn't own the secret. Please set creationPolicy=Owner",
    );
  }
  if (deletion === 'Merge' && creation === 'None') {
    problems.push(
      'deletionPolicy=Merge must not be used with creationPolicy=None. There is no Secret to merge with',
    );
  }
  return problems;
}

function dataFromProblems(es: ExternalSecret): string[] {
  const problems: string[] = [];
  for (const entry of es.spec.dataFrom ?? []) {
    const generator = entry.sourceRef?.generatorRef !== undefined;
    const set = [entry.extract !== undefined, entry.find !== undefined, generator].filter(Boolean).length;
    if (set > 1) problems.push('extract, find, or generatorRef cannot be set at the same time');
    if (!entry.extract && !entry.find && !entry.sourceRef)
      problems.push('either extract, find, or sourceRef must be set to dataFrom');
    if (entry.sourceRef && !entry.sourceRef.generatorRef && !entry.sourceRef.storeRef) {
      problems.push('generatorRef or storeRef must be set when using sourceRef in dataFrom');
    }
  }
  return problems;
}

function duplicateKeyProblems(es: ExternalSecret): string[] {
  if ((es.spec.target?.deletionPolicy ?? 'Retain') !== 'Retain') return [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const entry of es.spec.data ?? []) {
    if (seen.has(entry.secretKey)) problems.push(`duplicate secretKey found: ${entry.secretKey}`);
    seen.add(entry.secretKey);
  }
  return problems;
}

function templateProblems(es: ExternalSecret): string[] {
  const template = es.spec.target?.template;
  if (!template) return [];
  const problems: string[] = [];
  if (template.type === BOOTSTRAP_TOKEN_TYPE) {
    problems.push(
      `template type ${BOOTSTRAP_TOKEN_TYPE} is not allowed: it would create a cluster bootstrap credential`,
    );
  }
  if (template.type === SA_TOKEN_TYPE && template.metadata?.annotations?.[SA_NAME_ANNOTATION] !== undefined) {
    problems.push(
      `template type ${SA_TOKEN_TYPE} with annotation ${SA_NAME_ANNOTATION} is not allowed: it would mint a ServiceAccount token`,
    );
  }
  for (const [index, item] of (template.templateFrom ?? []).entries()) {
    if (item.target !== undefined && !TEMPLATE_FROM_TARGETS.includes(item.target.toLowerCase())) {
      problems.push(
        `templateFrom[${index}].target "${item.target}" is not allowed for a Secret target; use Data, Annotations or Labels`,
      );
    }
  }
  return problems;
}

function tesseraProblems(es: ExternalSecret): string[] {
  const problems: string[] = [];
  if (es.spec.target?.manifest) {
    problems.push(
      'spec.target.manifest (generic targets) is not supported by Tessera; remove it to write a Secret',
    );
  }
  try {
    parseGoDuration(es.spec.refreshInterval ?? '1h');
  } catch (error) {
    problems.push(`spec.refreshInterval: ${(error as Error).message}`);
  }
  return problems;
}

/**
 * Checks the ExternalSecret against ESO's admission rules (plus what Tessera cannot do).
 * @throws InvalidSpecError (a TerminalError: not retried until the user edits the object).
 */
export function validateSpec(es: ExternalSecret): void {
  const problems = [
    ...policyProblems(es),
    ...((es.spec.data ?? []).length === 0 && (es.spec.dataFrom ?? []).length === 0
      ? ['either data or dataFrom should be specified']
      : []),
    ...dataFromProblems(es),
    ...duplicateKeyProblems(es),
    ...templateProblems(es),
    ...tesseraProblems(es),
  ];
  if (problems.length > 0) throw new InvalidSpecError(problems.join('; '));
}
