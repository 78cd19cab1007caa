/** sprig path functions: Go's `path` (and `path/filepath`, identical on Linux). */
import { type FuncSpec, fn } from '../exec/func-spec.js';
import type { GoValue } from '../value/go-value.js';
import { S } from './support.js';

/** path.Clean */
export function clean(path: string): string {
  if (path === '') return '.';
  const rooted = path[0] === '/';
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const out = (rooted ? '/' : '') + parts.join('/');
  return out === '' ? '.' : out;
}

/** path.Base */
export function base(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** path.Dir */
export function dir(path: string): string {
  return clean(path.slice(0, path.lastIndexOf('/') + 1));
}

/** path.Ext */
export function ext(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== '/'; i--) if (path[i] === '.') return path.slice(i);
  return '';
}

const s = (v: GoValue): string => v as string;

/** The path family. */
export const PATH_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>(
  (['', 'os'] as const).flatMap((prefix) => {
    const name = (n: string): string => (prefix ? prefix + n[0].toUpperCase() + n.slice(1) : n);
    return [
      [name('base'), fn([S], ([v]) => base(s(v)))],
      [name('dir'), fn([S], ([v]) => dir(s(v)))],
      [name('clean'), fn([S], ([v]) => clean(s(v)))],
      [name('ext'), fn([S], ([v]) => ext(s(v)))],
      [name('isAbs'), fn([S], ([v]) => s(v).startsWith('/'))],
    ] as Array<[string, FuncSpec]>;
  }),
);
