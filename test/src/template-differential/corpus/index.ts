/** The whole differential corpus. */
import type { OracleCase } from '../go-oracle.js';
import { BUILTIN_CASES } from './builtins.js';
import { ESO_DOC_CASES } from './eso-docs.js';
import { PEM_CASES } from './pem.js';
import { SPRIG_CASES } from './sprig.js';
import { SYNTAX_CASES } from './syntax.js';

export const CORPUS: readonly OracleCase[] = [
  ...SYNTAX_CASES,
  ...BUILTIN_CASES,
  ...SPRIG_CASES,
  ...ESO_DOC_CASES,
  ...PEM_CASES,
];
