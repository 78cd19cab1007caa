import { compileGoRegexp, goReplaceAll } from './go-regexp-replace.js';

const replace = (pattern: string, input: string, template: string) =>
  goReplaceAll(compileGoRegexp(pattern), input, template);

describe('Go ReplaceAllString semantics', () => {
  test('numbered and braced references expand to their groups', () => {
    expect(replace('(\\w+)-(\\w+)', 'db-prod', '${2}_${1}')).toBe('prod_db');
    expect(replace('(\\w+)-(\\w+)', 'db-prod', '$2.$1')).toBe('prod.db');
    expect(replace('(\\w+)-(\\w+)', 'db-prod', '${1}x')).toBe('dbx');
  });

  test('$1x names the group "1x", which does not exist, so it expands to nothing', () => {
    expect(replace('(\\w+)-(\\w+)', 'db-prod', '$1x')).toBe('');
    expect(replace('^db', 'db-prod', '$1x-')).toBe('--prod');
    // "_" is a name character too: "$2_" is the (missing) group "2_"
    expect(replace('(\\w+)-(\\w+)', 'db-prod', '$2_$1')).toBe('db');
  });

  test('named groups work with $name and ${name}', () => {
    expect(replace('(?P<env>prod|dev)', 'db-prod', '${env}uction')).toBe('db-production');
    expect(replace('(?P<env>prod|dev)', 'db-prod', '$env')).toBe('db-prod');
  });

  test('$$ is a literal dollar and a dangling $ stays literal', () => {
    expect(replace('-', 'a-b', '$$')).toBe('a$b');
    expect(replace('-', 'a-b', '$')).toBe('a$b');
    expect(replace('-', 'a-b', '${1')).toBe('a${1b');
  });

  test('an empty match right after a match is skipped, as in Go', () => {
    expect(replace('a*', 'baaac', 'X')).toBe('XbXcX');
  });

  test('keys without a match are unchanged', () => {
    expect(replace('^secret/', 'other/key', '')).toBe('other/key');
  });
});
