/**
 * fast-check arbitraries that build Go templates from a grammar plus random template data.
 * `typedTemplate` builds mostly well-typed pipelines (strings, ints, bools, lists) so most
 * samples render; `wildTemplate` mixes anything with anything, so both engines must also agree
 * on the errors (phase and position).
 */
import fc from 'fast-check';

/** Data whose keys the typed grammar relies on. */
export const typedData: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    a: fc.string({ maxLength: 8 }),
    b: fc.constantFrom('42', '-3', '1.5', '', 'true', 'aGk=', 'x y', 'héllo', 'a,b,c'),
    user: fc.stringMatching(/^[a-z]{0,6}$/),
    pass: fc.string({ maxLength: 10 }),
  }),
  fc.record({
    a: fc.string({ maxLength: 6 }),
    b: fc.stringMatching(/^[a-z ,]{0,6}$/),
    n: fc.integer({ min: -3, max: 12 }),
    f: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e7, max: 1e7 }),
    t: fc.boolean(),
    z: fc.constant(null),
    list: fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }),
    any: fc.array(
      fc.oneof(
        fc.string({ maxLength: 3 }),
        fc.integer({ min: 0, max: 9 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constant(null),
        fc.boolean(),
      ),
      { maxLength: 3 },
    ),
    m: fc.dictionary(
      fc.constantFrom('x', 'y', 'z', 'Q', '10', '9'),
      fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 99 })),
      { maxKeys: 3 },
    ),
  }),
);

const strLit = fc.oneof(
  fc.stringMatching(/^[a-zA-Z0-9 ,_:-]{0,6}$/).map((s) => JSON.stringify(s)),
  fc.constantFrom('"é✓"', '"a\\tb"', '"<&>"', '`raw`', '""', '"%"'),
);
const intLit = fc.oneof(
  fc.integer({ min: -5, max: 40 }).map(String),
  fc.constantFrom('0x10', "'a'", '1_0', '0'),
);
const floatLit = fc.constantFrom('2.5', '-0.5', '1e3', '0.1', '3.0', '1e21', '123456789.0');
const FORMATS = [
  '"%s"',
  '"%d"',
  '"%v"',
  '"%5.2f"',
  '"%-4s|"',
  '"%q"',
  '"%x"',
  '"%X"',
  '"%t"',
  '"%03d"',
  '"%+v"',
  '"%T"',
  '"%e"',
  '"%g"',
  '"%8.3s|"',
  '"%c"',
  '"%U"',
  '"%o"',
  '"%b"',
  '"%#v"',
  '"%[2]v %[1]v"',
  '"%*d"',
  '"%.1e"',
  '"%10.4g"',
  '"%% %v"',
  '"%s %s"',
];

function str(d: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(strLit, fc.constantFrom('.a', '.b', '$.a', 'index . "a"'));
  if (d <= 0) return leaf;
  const s = str(d - 1);
  const i = int(d - 1);
  const a = any(d - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc
      .tuple(
        fc.constantFrom(
          'upper',
          'lower',
          'trim',
          'title',
          'b64enc',
          'b64dec',
          'quote',
          'squote',
          'sha1sum',
          'snakecase',
          'camelcase',
          'kebabcase',
          'swapcase',
          'nospace',
          'initials',
          'html',
          'js',
          'urlquery',
          'toString',
          'base',
          'clean',
          'ext',
          'b32enc',
        ),
        s,
      )
      .map(([f, x]) => `${f} ${wrap(x)}`),
    fc
      .tuple(fc.constantFrom(...FORMATS), fc.array(a, { minLength: 0, maxLength: 3 }))
      .map(([f, xs]) => `printf ${f} ${xs.map(wrap).join(' ')}`),
    fc
      .tuple(
        fc.constantFrom('trunc', 'repeat', 'indent', 'abbrev', 'wrap'),
        fc.integer({ min: -3, max: 6 }),
        s,
      )
      .map(([f, n, x]) => `${f} ${n} ${wrap(x)}`),
    fc
      .tuple(fc.constantFrom('replace', 'default', 'trimPrefix', 'trimSuffix', 'trimAll'), s, s)
      .map(([f, x, y]) => `${f} ${wrap(x)} ${wrap(y)}`),
    fc.tuple(s, s).map(([x, y]) => `replace ${wrap(x)} "_" ${wrap(y)}`),
    fc
      .tuple(fc.constantFrom('print', 'cat'), fc.array(a, { maxLength: 3 }))
      .map(([f, xs]) => `${f} ${xs.map(wrap).join(' ')}`),
    fc
      .tuple(s, fc.constantFrom(',', '', ' '))
      .map(([x, sep]) => `join ${JSON.stringify(sep)} (splitList "," ${wrap(x)})`),
    fc.tuple(i, s).map(([n, x]) => `${wrap(x)} | trunc ${wrap(n)}`),
    fc.tuple(s).map(([x]) => `${wrap(x)} | upper | quote`),
    fc.tuple(a).map(([x]) => `toJson ${wrap(x)}`),
    fc
      .tuple(
        fc.constantFrom('regexReplaceAll "[aeiou]" ', 'regexReplaceAll "(.)(.)" ', 'regexFind "[0-9]+" '),
      )
      .chain(([f]) => s.map((x) => `${f}${wrap(x)}${f.startsWith('regexReplaceAll') ? ' "$2$1"' : ''}`)),
  );
}

function int(d: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(intLit, fc.constantFrom('.n', 'len .a', 'len .list'));
  if (d <= 0) return leaf;
  const s = str(d - 1);
  const i = int(d - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    s.map((x) => `len ${wrap(x)}`),
    fc
      .tuple(fc.constantFrom('add', 'sub', 'mul', 'max', 'min', 'div', 'mod'), i, i)
      .map(([f, x, y]) => `${f} ${wrap(x)} ${wrap(y)}`),
    s.map((x) => `atoi ${wrap(x)}`),
    s.map((x) => `int ${wrap(x)}`),
  );
}

function bool(d: number): fc.Arbitrary<string> {
  const s = str(d - 1);
  const i = int(d - 1);
  const a = any(d - 1);
  return fc.oneof(
    fc.constantFrom('true', 'false', '.t'),
    fc
      .tuple(fc.constantFrom('eq', 'ne', 'lt', 'le', 'gt', 'ge'), s, s)
      .map(([f, x, y]) => `${f} ${wrap(x)} ${wrap(y)}`),
    fc
      .tuple(fc.constantFrom('eq', 'ne', 'lt', 'le', 'gt', 'ge'), i, i)
      .map(([f, x, y]) => `${f} ${wrap(x)} ${wrap(y)}`),
    fc.tuple(fc.constantFrom('and', 'or'), a, a).map(([f, x, y]) => `${f} ${wrap(x)} ${wrap(y)}`),
    a.map((x) => `not ${wrap(x)}`),
    a.map((x) => `empty ${wrap(x)}`),
    fc
      .tuple(fc.constantFrom('contains', 'hasPrefix', 'hasSuffix'), s, s)
      .map(([f, x, y]) => `${f} ${wrap(x)} ${wrap(y)}`),
    fc.tuple(s, s).map(([x, y]) => `regexMatch ${wrap(x)} ${wrap(y)}`),
  );
}

function any(d: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    strLit,
    intLit,
    floatLit,
    fc.constantFrom('.a', '.n', '.f', '.t', '.z', '.list', '.any', '.m', '.', 'nil', 'true', '$', '.m.x'),
  );
  if (d <= 0) return leaf;
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    str(d),
    int(d),
    bool(d),
    fc.tuple(any(d - 1), any(d - 1)).map(([x, y]) => `list ${wrap(x)} ${wrap(y)}`),
    fc.tuple(str(d - 1), any(d - 1)).map(([k, v]) => `dict ${wrap(k)} ${wrap(v)}`),
    fc
      .tuple(
        fc.constantFrom(
          'first',
          'last',
          'rest',
          'reverse',
          'uniq',
          'sortAlpha',
          'compact',
          'toStrings',
          'typeOf',
          'kindOf',
          'len',
          'fromJson',
          'deepCopy',
        ),
        leaf,
      )
      .map(([f, x]) => `${f} ${wrap(x)}`),
    fc.tuple(leaf, intLit).map(([x, n]) => `index ${wrap(x)} ${n}`),
    fc.tuple(leaf, any(d - 1)).map(([x, y]) => `default ${wrap(y)} ${wrap(x)}`),
    fc
      .tuple(bool(d - 1), any(d - 1), any(d - 1))
      .map(([c, x, y]) => `ternary ${wrap(x)} ${wrap(y)} ${wrap(c)}`),
  );
}

function wrap(expr: string): string {
  return /\s/.test(expr) ? `(${expr})` : expr;
}

const text = fc.stringMatching(/^[a-zA-Z0-9 ,.:;!?\n\t-]{0,6}$/);
const open = fc.constantFrom('{{ ', '{{- ', '{{');
const close = fc.constantFrom(' }}', ' -}}', '}}');

/** A mostly well-typed template. */
export function typedTemplate(depth = 2): fc.Arbitrary<string> {
  const action = fc
    .tuple(open, fc.oneof(str(2), int(1), bool(1), any(1)), close)
    .map(([o, p, c]) => `${o}${p}${c}`);
  const decl = any(1).map((p) => `{{ $x := ${p} }}{{ $x }}`);
  const leaf = fc.oneof(text, action, action, decl);
  if (depth <= 0) return fc.array(leaf, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(''));
  const body = typedTemplate(depth - 1);
  const control = fc.oneof(
    fc
      .tuple(bool(1), body, fc.option(body))
      .map(([p, a, b]) => `{{ if ${p} }}${a}${b === null ? '' : `{{ else }}${b}`}{{ end }}`),
    fc
      .tuple(bool(1), bool(1), body, body)
      .map(([p, q, a, b]) => `{{ if ${p} }}${a}{{ else if ${q} }}${b}{{ end }}`),
    fc
      .tuple(
        fc.constantFrom('.list', '.m', '.any', '.', 'until 3', 'splitList "," .b'),
        body,
        fc.option(body),
      )
      .map(
        ([r, a, b]) =>
          `{{ range $i, $v := ${r} }}[{{ $i }}={{ $v }}]${a}${b === null ? '' : `{{ else }}${b}`}{{ end }}`,
      ),
    fc.tuple(any(1), body).map(([p, a]) => `{{ with ${p} }}{{ . }}${a}{{ end }}`),
    fc
      .tuple(fc.constantFrom('.list', '.m'), bool(1), body)
      .map(([r, c, a]) => `{{ range ${r} }}{{ if ${c} }}{{ continue }}{{ end }}${a}{{ . }}{{ end }}`),
    body.map((a) => `{{ define "t" }}${a}{{ end }}{{ template "t" . }}`),
  );
  return fc.array(fc.oneof(leaf, control), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(''));
}

/** Anything goes: arbitrary functions over arbitrary operands. */
export function wildTemplate(): fc.Arbitrary<string> {
  const action = fc
    .tuple(
      open,
      any(2),
      fc.array(
        fc.constantFrom(
          'upper',
          'len',
          'quote',
          'toString',
          'b64enc',
          'first',
          'printf "%v"',
          'default "d"',
          'index .m',
          'keys | sortAlpha',
        ),
        { maxLength: 2 },
      ),
      close,
    )
    .map(([o, p, t, c]) => `${o}${[p, ...t].join(' | ')}${c}`);
  return fc.array(fc.oneof(text, action), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
}
