/**
 * sprig's semver and semverCompare with Masterminds/semver v3 rules (partial versions such as
 * "1.2" are valid; constraints support ranges, ||, x-ranges, ~ and ^). The rules are ported rather
 * than delegated to npm's semver, whose parsing and constraint semantics differ.
 */
import { FuncError, type FuncSpec, fn } from '../exec/func-spec.js';
import { GoInt, type GoMethod, type GoObject, type GoValue } from '../value/go-value.js';
import { S, int } from './support.js';

const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const SV = String.raw`v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const VERSION_RE = new RegExp(`^${SV}$`);
const CONSTRAINT_RE = new RegExp(String.raw`^\s*(${OPS})\s*(${CV})\s*$`);
const RANGE_RE = new RegExp(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`, 'g');
const FIND_RE = new RegExp(String.raw`(${OPS})\s*(${CV})`, 'g');
const VALID_RE = new RegExp(String.raw`^(\s*(${OPS})\s*(${CV})\s*)((?:\s+|,\s*)(${OPS})\s*(${CV})\s*)*$`);
const UINT64_MAX = (1n << 64n) - 1n;

/** A parsed version (Masterminds' Version). */
export interface Version {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly pre: string;
  readonly metadata: string;
  readonly original: string;
}

function segment(s: string | undefined): bigint {
  if (!s) return 0n;
  const v = BigInt(s.replace(/^\./, ''));
  if (v > UINT64_MAX) throw new FuncError('version segment out of range');
  return v;
}

/** semver.NewVersion */
export function parseVersion(v: string): Version {
  const m = VERSION_RE.exec(v);
  if (!m) throw new FuncError('Invalid Semantic Version');
  const pre = m[5] ?? '';
  if (pre && pre.split('.').some((p) => /^[0-9]+$/.test(p) && p.length > 1 && p[0] === '0')) {
    throw new FuncError('Version segment starts with 0');
  }
  return {
    major: segment(m[1]),
    minor: segment(m[2]),
    patch: segment(m[3]),
    pre,
    metadata: m[8] ?? '',
    original: v,
  };
}

/** Version.String() */
export function versionString(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}${v.pre ? '-' + v.pre : ''}${v.metadata ? '+' + v.metadata : ''}`;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return o !== '' ? -1 : 1;
  if (o === '') return s !== '' ? 1 : -1;
  const sNum = /^[0-9]+$/.test(s) && BigInt(s) <= UINT64_MAX;
  const oNum = /^[0-9]+$/.test(o) && BigInt(o) <= UINT64_MAX;
  if (!sNum && !oNum) return s > o ? 1 : -1;
  if (!oNum) return -1;
  if (!sNum) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

/** Version.Compare */
export function compareVersions(a: Version, b: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  if (a.pre === '' && b.pre === '') return 0;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  const sp = a.pre.split('.');
  const op = b.pre.split('.');
  for (let i = 0; i < Math.max(sp.length, op.length); i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

interface Constraint {
  con: Version;
  op: string;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isX = (x: string | undefined): boolean => x === 'x' || x === '*' || x === 'X';

function parseConstraint(c: string): Constraint {
  if (c.length === 0)
    return { con: parseVersion('0.0.0'), op: '', dirty: true, minorDirty: false, patchDirty: false };
  const m = CONSTRAINT_RE.exec(c);
  if (!m) throw new FuncError('improper constraint');
  const [op, , major, minor = '', patch = '', , pre = ''] = [m[1], m[2], m[3], m[4], m[5], m[6], m[7]];
  const suffix = pre ? '-' + pre : '';
  let ver = m[2];
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major) || major === '') {
    ver = `0.0.0${suffix}`;
    dirty = true;
  } else if (isX(minor.replace(/^\./, '')) || minor === '') {
    ver = `${major}.0.0${suffix}`;
    dirty = minorDirty = true;
  } else if (isX(patch.replace(/^\./, '')) || patch === '') {
    ver = `${major}${minor}.0${suffix}`;
    dirty = patchDirty = true;
  }
  let con: Version;
  try {
    con = parseVersion(ver);
  } catch {
    throw new FuncError('constraint parser error');
  }
  return { con, op, dirty, minorDirty, patchDirty };
}

function checkConstraint(v: Version, c: Constraint): boolean {
  const { con } = c;
  const preBlocked = v.pre !== '' && con.pre === '';
  const cmp = compareVersions(v, con);
  const tilde = (): boolean => {
    if (preBlocked || cmp < 0) return false;
    if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty)
      return true;
    if (v.major !== con.major) return false;
    return !(v.minor !== con.minor && !c.minorDirty);
  };
  switch (c.op) {
    case '':
    case '=':
      if (preBlocked) return false;
      return c.dirty ? tilde() : cmp === 0;
    case '!=':
      return notEqual(v, c, cmp);
    case '>':
      if (preBlocked) return false;
      if (!c.dirty) return cmp === 1;
      if (v.major !== con.major) return v.major > con.major;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > con.minor;
      return cmp === 1;
    case '<':
      return !preBlocked && cmp < 0;
    case '>=':
    case '=>':
      return !preBlocked && cmp >= 0;
    case '<=':
    case '=<':
      if (preBlocked) return false;
      if (!c.dirty) return cmp <= 0;
      if (v.major > con.major) return false;
      return !(v.major === con.major && v.minor > con.minor && !c.minorDirty);
    case '~':
    case '~>':
      return tilde();
    default:
      return caret(v, c, preBlocked, cmp);
  }
}

function notEqual(v: Version, c: Constraint, cmp: number): boolean {
  const { con } = c;
  if (c.dirty) {
    if (v.pre !== '' && con.pre === '') return false;
    if (con.major !== v.major) return true;
    if (con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.pre !== '' || con.pre !== '')
        return (
          compareVersions(
            { ...v, major: 0n, minor: 0n, patch: 0n },
            { ...con, major: 0n, minor: 0n, patch: 0n },
          ) !== 0
        );
      return false;
    }
  }
  return cmp !== 0;
}

function caret(v: Version, c: Constraint, preBlocked: boolean, cmp: number): boolean {
  const { con } = c;
  if (preBlocked || cmp < 0) return false;
  if (con.major > 0n || c.minorDirty) return v.major === con.major;
  if (v.major > 0n) return false;
  if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
  if (v.minor > 0n) return false;
  return con.patch === v.patch;
}

/** semver.NewConstraint(...).Check(version) */
export function checkConstraints(constraint: string, version: Version): boolean {
  const rewritten = constraint.replace(
    RANGE_RE,
    (_all, lo: string, ...rest: string[]) => `>= ${lo}, <= ${rest[9]}`,
  );
  const ors = rewritten.split('||').map((part) => {
    if (!VALID_RE.test(part)) throw new FuncError('improper constraint');
    const found = part.match(FIND_RE) ?? [part];
    return found.map(parseConstraint);
  });
  return ors.some((and) => and.every((c) => checkConstraint(version, c)));
}

function method(params: string[], call: (args: GoValue[]) => GoValue): GoMethod {
  return { params, call };
}

/** A *semver.Version (or semver.Version value) as a template object with Masterminds' methods. */
export function versionObject(v: Version, pointer = true): GoObject {
  const other = (x: GoValue): Version => {
    if (x === null || !('semver' in (x as object))) throw new FuncError('expected a *semver.Version');
    return (x as unknown as { semver: Version }).semver;
  };
  const inc = (next: Version): GoObject =>
    versionObject(
      { ...next, original: (v.original.startsWith('v') ? 'v' : '') + versionString(next) },
      false,
    );
  const methods: Record<string, GoMethod> = {
    Major: method([], () => new GoInt('uint64', v.major)),
    Minor: method([], () => new GoInt('uint64', v.minor)),
    Patch: method([], () => new GoInt('uint64', v.patch)),
    Prerelease: method([], () => v.pre),
    Metadata: method([], () => v.metadata),
    Original: method([], () => v.original),
    String: method([], () => versionString(v)),
    LessThan: method(['*semver.Version'], ([o]) => compareVersions(v, other(o)) < 0),
    GreaterThan: method(['*semver.Version'], ([o]) => compareVersions(v, other(o)) > 0),
    Equal: method(['*semver.Version'], ([o]) => compareVersions(v, other(o)) === 0),
    Compare: method(['*semver.Version'], ([o]) => int(compareVersions(v, other(o)))),
    IncMajor: method([], () =>
      inc({ ...v, major: v.major + 1n, minor: 0n, patch: 0n, pre: '', metadata: '' }),
    ),
    IncMinor: method([], () => inc({ ...v, minor: v.minor + 1n, patch: 0n, pre: '', metadata: '' })),
    IncPatch: method([], () => inc({ ...v, patch: v.pre ? v.patch : v.patch + 1n, pre: '', metadata: '' })),
  };
  const obj = {
    goType: pointer ? '*semver.Version' : 'semver.Version',
    goKind: pointer ? ('ptr' as const) : ('struct' as const),
    semver: v,
    method: (name: string) => (Object.hasOwn(methods, name) ? methods[name] : undefined),
    goString: () => versionString(v),
    equals: (o: GoObject) =>
      'semver' in o &&
      compareVersions(v, (o as unknown as { semver: Version }).semver) === 0 &&
      v.original === (o as unknown as { semver: Version }).semver.original,
  };
  return obj;
}

/** The semver family. */
export const SEMVER_FUNCTIONS: ReadonlyMap<string, FuncSpec> = new Map<string, FuncSpec>([
  ['semver', fn([S], ([v]) => versionObject(parseVersion(v as string)))],
  ['semverCompare', fn([S, S], ([c, v]) => checkConstraints(c as string, parseVersion(v as string)))],
]);
