import { TemplateError, compileTemplate, renderTemplate } from './index.js';

function limitError(run: () => unknown): TemplateError {
  try {
    run();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('expected a TemplateError');
}

describe('template limits', () => {
  it('stops a template that calls itself without end', () => {
    // GIVEN a define that recurses forever
    const source = '{{ define "loop" }}x{{ template "loop" . }}{{ end }}{{ template "loop" . }}';
    // WHEN it runs THEN the depth limit stops it with a clear message
    const e = limitError(() => renderTemplate(source, {}, { name: 'tls.crt' }));
    expect(e.details.phase).toBe('limit');
    expect(e.reason).toBe('TemplateError');
    expect(e.message).toContain('exceeded maximum template depth (100)');
    expect(e.message).toContain('limits.maxDepth');
    expect(e.message).toMatch(/^template: tls\.crt:1:\d+: executing "loop"/);
  });

  it('lets a bounded recursion run when maxDepth allows it', () => {
    // GIVEN a countdown that recurses 150 times
    const source =
      '{{ define "down" }}{{ if gt (len .) 0 }}{{ template "down" (substr 1 -1 .) }}{{ end }}{{ end }}{{ template "down" .s }}done';
    const data = { s: 'x'.repeat(150) };
    // WHEN the default limit applies THEN it stops; WHEN raised THEN it finishes
    expect(limitError(() => renderTemplate(source, data)).details.phase).toBe('limit');
    expect(renderTemplate(source, data, { limits: { maxDepth: 200 } })).toBe('done');
  });

  it('refuses to build a huge string with repeat before allocating it', () => {
    const e = limitError(() => renderTemplate('{{ repeat 1000000000 "abc" }}', {}));
    expect(e.details.phase).toBe('limit');
    expect(e.message).toContain('exceeds the 1048576-byte limit');
    expect(e.message).toContain('<repeat 1000000000 "abc">');
  });

  it('stops output beyond maxOutputBytes', () => {
    const e = limitError(() =>
      renderTemplate('{{ range until 1000 }}0123456789{{ end }}', {}, { limits: { maxOutputBytes: 5000 } }),
    );
    expect(e.details.phase).toBe('limit');
    expect(e.message).toContain('output exceeds the limit of 5000 bytes');
  });

  it('stops a template that runs too many steps', () => {
    const e = limitError(() =>
      renderTemplate('{{ range until 2000 }}{{ range until 2000 }}{{ end }}{{ end }}', {}),
    );
    expect(e.details.phase).toBe('limit');
    expect(e.message).toContain('evaluation exceeded the limit of 1000000 steps');
  });

  it('bounds printf widths by the size limit', () => {
    const e = limitError(() =>
      renderTemplate('{{ printf "%900000d" 1 }}', {}, { limits: { maxOutputBytes: 1000 } }),
    );
    expect(e.details.phase).toBe('limit');
  });

  it('rejects nesting deeper than maxDepth while parsing instead of overflowing the stack', () => {
    const deep = '{{ ' + '('.repeat(5000) + '1' + ')'.repeat(5000) + ' }}';
    const e = limitError(() => compileTemplate(deep));
    expect(e.details.phase).toBe('parse');
    expect(e.message).toContain('nesting deeper than the limit of 100');
  });

  it('rejects limits that are not positive integers', () => {
    expect(() => compileTemplate('x', { limits: { maxSteps: 0 } })).toThrow(RangeError);
  });

  it('applies per-execution limits over the compiled ones', () => {
    const t = compileTemplate('{{ range until 100 }}x{{ end }}');
    expect(t.execute({})).toHaveLength(100);
    expect(() => t.execute({}, { limits: { maxOutputBytes: 10 } })).toThrow(TemplateError);
  });
});

describe('template limit names in errors', () => {
  const names = {
    maxOutputBytes: 'the operator flag --template-max-output-bytes',
    maxSteps: 'the operator flag --template-max-steps',
    maxDepth: 'the operator flag --template-max-depth',
  };
  const cases: [string, () => unknown, string][] = [
    [
      'the template call depth',
      () =>
        renderTemplate(
          '{{ define "l" }}{{ template "l" . }}{{ end }}{{ template "l" . }}',
          {},
          { limitNames: names },
        ),
      'or raise the operator flag --template-max-depth',
    ],
    [
      'the parse nesting depth',
      () => compileTemplate('{{ ' + '('.repeat(200) + '1' + ')'.repeat(200) + ' }}', { limitNames: names }),
      'flatten the template or raise the operator flag --template-max-depth',
    ],
    [
      'the step count',
      () =>
        renderTemplate(
          '{{ range until 100 }}{{ range until 100 }}{{ end }}{{ end }}',
          {},
          { limits: { maxSteps: 1000 }, limitNames: names },
        ),
      'or raise the operator flag --template-max-steps',
    ],
    [
      'the output size',
      () =>
        renderTemplate(
          '{{ range until 100 }}0123456789{{ end }}',
          {},
          { limits: { maxOutputBytes: 50 }, limitNames: names },
        ),
      'or raise the operator flag --template-max-output-bytes',
    ],
    [
      'a function building a huge value',
      () => renderTemplate('{{ repeat 1000000000 "abc" }}', {}, { limitNames: names }),
      'or raise the operator flag --template-max-output-bytes',
    ],
  ];

  it.each(cases)('an error for %s names the setting the caller gave', (_, run, hint) => {
    const e = limitError(run);
    expect(e.message).toContain(hint);
    expect(e.message).not.toContain('limits.max');
  });

  it('names the API options when the caller gives no names', () => {
    expect(limitError(() => renderTemplate('{{ repeat 1000000000 "abc" }}', {})).message).toContain(
      'raise limits.maxOutputBytes',
    );
  });
});
