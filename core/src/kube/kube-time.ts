/** Times as Kubernetes writes them in objects. */

let lastSecond = Number.NaN;
let lastSecondText = '';

/**
 * RFC 3339 in UTC with second precision (`2024-05-01T12:00:00Z`), as metav1.Time serialises. The text
 * of the last second is kept: a mass sync formats the same second thousands of times.
 */
export function toKubeTime(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    lastSecondText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = second;
  }
  return lastSecondText;
}
