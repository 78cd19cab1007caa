/**
 * "Did you mean …?" for unknown fields: a close sibling name (typo, prefix, different case), or the
 * same name one or two levels deeper (`spec.target.type` → `spec.target.template.type`).
 */

type SchemaNode = { properties?: Record<string, SchemaNode> };

/** Edit distance between two strings (Levenshtein). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The known sibling closest to `unknown`, if any is close enough. */
export function closestName(unknown: string, known: readonly string[]): string | undefined {
  const lower = unknown.toLowerCase();
  const exactCase = known.find((k) => k.toLowerCase() === lower);
  if (exactCase) return exactCase;
  const limit = Math.max(1, Math.floor(unknown.length / 4));
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  if (best) return best.name;
  if (lower.length >= 4) return known.find((k) => k.toLowerCase().startsWith(lower));
  return undefined;
}

/** A property named `unknown` inside one of the object's children (depth ≤ 2), as a relative path. */
export function nestedMatch(unknown: string, schema: SchemaNode, depth = 2): string | undefined {
  if (depth === 0) return undefined;
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (child.properties && unknown in child.properties) return `${name}.${unknown}`;
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const deeper = nestedMatch(unknown, child, depth - 1);
    if (deeper) return `${name}.${deeper}`;
  }
  return undefined;
}

/** The suggestion text for an unknown field `unknown` at `parentPath` (empty when none fits). */
export function suggestField(unknown: string, parentPath: string, schema: SchemaNode): string {
  const known = Object.keys(schema.properties ?? {});
  const sibling = closestName(unknown, known);
  if (sibling) return `; did you mean ${sibling}?`;
  const nested = nestedMatch(unknown, schema);
  if (nested) return `; did you mean ${parentPath ? `${parentPath}.` : ''}${nested}?`;
  return '';
}
