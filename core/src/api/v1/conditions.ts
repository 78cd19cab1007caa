/** Status conditions as ESO writes them (no observedGeneration). */
import { Type, type Static } from '@sinclair/typebox';

/** Condition status values. */
export const CONDITION_STATUSES = ['True', 'False', 'Unknown'] as const;

/** A status condition: `type` and `status` are required, the rest optional. */
export const ConditionSchema = Type.Object({
  type: Type.String(),
  status: Type.String({ description: 'True, False or Unknown' }),
  reason: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  lastTransitionTime: Type.Optional(Type.String({ format: 'date-time' })),
});
export type Condition = Static<typeof ConditionSchema>;
