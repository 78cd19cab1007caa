/** ESO's template function table: sprig (minus env, expandenv, getHostByName) plus ESO's own. */
import type { FuncMap, FuncSpec } from '../exec/func-spec.js';
import { CRYPTO_FUNCTIONS } from './crypto.js';
import { DATE_FUNCTIONS } from './dates.js';
import { DICT_FUNCTIONS } from './dicts.js';
import { ENCODING_FUNCTIONS } from './encoding.js';
import { FLOW_FUNCTIONS } from './flow.js';
import { JSON_FUNCTIONS } from './json.js';
import { JWK_FUNCTIONS } from './jwk.js';
import { LIST_FUNCTIONS } from './lists.js';
import { MATH_FUNCTIONS } from './math.js';
import { PATH_FUNCTIONS } from './paths.js';
import { PEM_FUNCTIONS } from './pem.js';
import { PKCS12_FUNCTIONS } from './pkcs12.js';
import { RANDOM_FUNCTIONS } from './random.js';
import { REGEX_FUNCTIONS } from './regex.js';
import { SEMVER_FUNCTIONS } from './semver.js';
import { STRING_FUNCTIONS } from './strings.js';
import { URL_FUNCTIONS } from './urls.js';
import { YAML_FUNCTIONS } from './yaml.js';

const FAMILIES: ReadonlyArray<ReadonlyMap<string, FuncSpec> | ReadonlyArray<[string, FuncSpec]>> = [
  STRING_FUNCTIONS,
  ENCODING_FUNCTIONS,
  MATH_FUNCTIONS,
  LIST_FUNCTIONS,
  DICT_FUNCTIONS,
  FLOW_FUNCTIONS,
  JSON_FUNCTIONS,
  PATH_FUNCTIONS,
  REGEX_FUNCTIONS,
  SEMVER_FUNCTIONS,
  URL_FUNCTIONS,
  RANDOM_FUNCTIONS,
  DATE_FUNCTIONS,
  CRYPTO_FUNCTIONS,
  YAML_FUNCTIONS,
  PEM_FUNCTIONS,
  PKCS12_FUNCTIONS,
  JWK_FUNCTIONS,
];

/** Every function ESO templates may call, besides Go's builtins. */
export const ESO_FUNCTIONS: FuncMap = new Map(FAMILIES.flatMap((m) => [...m]));

/** Functions ESO offers that Tessera deliberately does not, with the reason. */
const UNSUPPORTED: Record<string, string> = {
  env: 'ESO removes it: templates must not read the operator environment',
  expandenv: 'ESO removes it: templates must not read the operator environment',
  getHostByName: 'ESO removes it: templates must not perform DNS lookups',
};

/** Parse-error text for an identifier that is not a function; always names it. */
export function describeUnknownFunction(name: string): string {
  const reason = Object.hasOwn(UNSUPPORTED, name) ? UNSUPPORTED[name] : undefined;
  if (reason) return `function "${name}" is not supported (${reason})`;
  return `function "${name}" not defined`;
}
