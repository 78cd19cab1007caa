/** Times as Kubernetes writes them in objects. */

/** RFC 3339 in UTC with second precision (`2024-05-01T12:00:00Z`), as Kubernetes writes times. */
export function toKubeTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
