import { ApiError, badRequest, methodNotAllowed } from '../api/api-error.js';
import type { KubeObject } from '../api/kube-object.js';
import type { KindStrategy, WriteContext } from '../api/resource-type.js';
import { applyDefaults } from './schema-default.js';
import { prune } from './schema-prune.js';
import type { JsonSchema } from './schema-types.js';
import { validateSchema } from './schema-validate.js';

/** What a custom resource strategy needs to know about its CRD version. */
export interface CustomResourceStrategyOptions {
  readonly group: string;
  readonly kind: string;
  readonly version: string;
  readonly schema: JsonSchema | undefined;
  /** True while the CRD is being deleted (creates then get 405). */
  readonly crdTerminating: () => boolean;
}

function strictError(
  o: CustomResourceStrategyOptions,
  obj: KubeObject,
  unknown: readonly string[],
  ctx: WriteContext,
): ApiError {
  const list = unknown.map((p) => `unknown field "${p}"`).join(', ');
  if (ctx.verb === 'patch') {
    const detail = `strict decoding error: ${list}`;
    return new ApiError(
      422,
      'Invalid',
      ` "" is invalid: patch: Invalid value: ${JSON.stringify(JSON.stringify(obj))}: ${detail}`,
      {
        causes: [
          {
            reason: 'FieldValueInvalid',
            message: `Invalid value: ${JSON.stringify(JSON.stringify(obj))}: ${detail}`,
            field: 'patch',
          },
        ],
      },
    );
  }
  return badRequest(
    `${o.kind} in version "${o.version}" cannot be handled as a ${o.kind}: strict decoding error: ${list}`,
  );
}

/** Pruning, `fieldValidation` handling and defaulting, in the order of the apiextensions request pipeline. */
function normalise(o: CustomResourceStrategyOptions, obj: KubeObject, ctx: WriteContext): void {
  const original =
    ctx.fieldValidation === 'Strict' && ctx.verb === 'patch' ? JSON.parse(JSON.stringify(obj)) : obj;
  const unknown = prune(obj, o.schema, '', [], true).sort();
  if (unknown.length > 0) {
    if (ctx.fieldValidation === 'Strict') throw strictError(o, original as KubeObject, unknown, ctx);
    if (ctx.fieldValidation === 'Warn') for (const p of unknown) ctx.warnings.push(`unknown field "${p}"`);
  }
  applyDefaults(obj, o.schema);
}

/** The schema the object minus apiVersion/kind/metadata is validated against (those three are checked elsewhere). */
function bodySchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  return {
    ...schema,
    required: (schema.required ?? []).filter((r) => !['apiVersion', 'kind', 'metadata'].includes(r)),
    properties: { ...(schema.properties ?? {}) },
  };
}

/** The strategy of one served version of a CRD: structural schema pruning, defaulting and validation (422). */
export function customResourceStrategy(o: CustomResourceStrategyOptions): KindStrategy {
  const validated = bodySchema(o.schema);
  return {
    hasGeneration: true,
    allowUnconditionalUpdate: false,
    admit(verb) {
      if (verb === 'create' && o.crdTerminating()) {
        throw methodNotAllowed('create not allowed while custom resource definition is terminating', {
          group: o.group,
          kind: o.kind,
        });
      }
    },
    prepareForCreate: (obj, ctx) => normalise(o, obj, ctx),
    prepareForUpdate: (obj, _old, ctx) => normalise(o, obj, ctx),
    validate: (obj) => {
      const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = obj;
      return validateSchema(rest, validated, '');
    },
  };
}
