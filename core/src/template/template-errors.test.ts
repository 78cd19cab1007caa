import { TemplateError, compileTemplate, renderTemplate } from './index.js';

const CANARY = 'CANARY-s3cr3t-9f2e';

function failureOf(source: string, data: unknown): TemplateError {
  try {
    renderTemplate(source, data, { name: 'password' });
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('template errors', () => {
  it.each([
    ['{{ .secret | atoi | len }}'],
    ['{{ eq .secret 1 }}'],
    ['{{ lt .secret true }}'],
    ['{{ mustFromJson .secret }}'],
    ['{{ mustRegexMatch .re "x" }}'],
    ['{{ regexFind .re "x" }}'],
    ['{{ semver .secret }}'],
    ['{{ semverCompare .secret "1.0.0" }}'],
    ['{{ urlParse .bad }}'],
    ['{{ mustToDate "2006" .secret }}'],
    ['{{ fail .secret }}'],
    ['{{ fail (printf "value was %s" .secret) }}'],
    ['{{ index .secret 99 }}'],
    ['{{ filterPEM "CERTIFICATE" .secret }}'],
    ['{{ pkcs12key .secret }}'],
    ['{{ jwkPublicKeyPem .secret }}'],
    ['{{ decryptAES "k" .secret }}'],
    ['{{ .secret | repeat -1 }}'],
    ['{{ range .secret }}{{ end }}'],
    ['{{ .secret.field }}'],
    ['{{ call .secret }}'],
    ['{{ printf .secret | int | repeat 2000000000 }}'],
  ])('never puts data values into the message of %s', (source) => {
    // GIVEN data holding a canary value WHEN the template fails THEN the canary is not in the error
    const e = failureOf(source, { secret: CANARY, bad: `http://${CANARY} x/`, re: `(${CANARY}` });
    expect(e.message).not.toContain(CANARY);
    expect(JSON.stringify(e.details)).not.toContain(CANARY);
  });

  it('names the template, line and Go-style column of a failing action', () => {
    const e = failureOf('line one\n  {{ .username }} and {{ .missing }}', { username: 'u' });
    expect(e.details).toMatchObject({
      template: 'password',
      line: 2,
      column: 25,
      phase: 'execute',
      context: '.missing',
    });
    expect(e.message).toBe(
      'template: password:2:25: executing "password" at <.missing>: map has no entry for key "missing"',
    );
  });

  it('reports parse errors with position and phase parse', () => {
    const e = (() => {
      try {
        compileTemplate('ok\n{{ if .x }}never closed', { name: 'cfg' });
      } catch (err) {
        return err as TemplateError;
      }
      throw new Error('expected a parse error');
    })();
    expect(e).toBeInstanceOf(TemplateError);
    expect(e.details.phase).toBe('parse');
    expect(e.message).toMatch(/^template: cfg:2:\d+: unexpected EOF$/);
  });

  it('names an unsupported function, saying why', () => {
    expect(() => compileTemplate('{{ env "HOME" }}')).toThrow(
      /function "env" is not supported \(ESO removes it/,
    );
    expect(() => compileTemplate('{{ getHostByName "x" }}')).toThrow(
      /function "getHostByName" is not supported/,
    );
    expect(() => compileTemplate('{{ nosuchfunc 1 }}')).toThrow('function "nosuchfunc" not defined');
  });

  it('names the function and template of a call that fails', () => {
    const e = failureOf('{{ mustFromJson .s }}', { s: '{' });
    expect(e.message).toBe(
      'template: password:1:3: executing "password" at <mustFromJson .s>: error calling mustFromJson: the input is not valid JSON or has a number out of range',
    );
  });

  it('says which define was executing when the error happened inside it', () => {
    const e = failureOf('{{ define "inner" }}{{ .nope }}{{ end }}{{ template "inner" . }}', {});
    expect(e.details.executing).toBe('inner');
    expect(e.message).toContain('executing "inner" at <.nope>');
  });
});
