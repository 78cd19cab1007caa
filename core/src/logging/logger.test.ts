import { JsonLogger, parseLogLevel } from './logger.js';
import { Redactor } from './redactor.js';

const CANARY = 'canary-42e1-do-not-log';

function aLogger(level: 'debug' | 'info' = 'info') {
  const lines: string[] = [];
  const redactor = new Redactor();
  const logger = new JsonLogger({
    level,
    redactor,
    sink: (line) => lines.push(line),
    now: () => new Date(0),
  });
  return { lines, redactor, logger };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, message and fields', () => {
    const { lines, logger } = aLogger();
    logger.info('synced', { namespace: 'default', keys: 3 });
    expect(JSON.parse(lines[0])).toEqual({
      ts: '1970-01-01T00:00:00.000Z',
      level: 'info',
      msg: 'synced',
      namespace: 'default',
      keys: 3,
    });
  });

  it('drops lines below its level', () => {
    const { lines, logger } = aLogger('info');
    logger.debug('noisy');
    logger.warn('kept');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['kept']);
  });

  it('child loggers add their fields to every line', () => {
    const { lines, logger } = aLogger();
    logger.child({ controller: 'externalsecret' }).child({ key: 'ns/a' }).error('failed');
    expect(JSON.parse(lines[0])).toMatchObject({ controller: 'externalsecret', key: 'ns/a', msg: 'failed' });
  });

  it('can never print a registered secret value: not in the message, fields, nested objects or errors', () => {
    // GIVEN a registered canary value
    const { lines, redactor, logger } = aLogger('debug');
    redactor.register(CANARY);
    // WHEN it is logged every way we can think of
    logger.info(`value is ${CANARY}`, { value: CANARY, nested: { deep: [`x${CANARY}y`] } });
    logger.error('fetch failed', { err: new Error(`backend said ${CANARY}`, { cause: new Error(CANARY) }) });
    logger.child({ inherited: CANARY }).debug('child');
    logger.warn('secret data', { data: { password: Buffer.from(CANARY).toString('base64') } });
    logger.info('keyed by it', { data: { [CANARY]: 'name' } });
    // THEN it appears nowhere
    const output = lines.join('\n');
    expect(lines).toHaveLength(5);
    expect(output).not.toContain(CANARY);
    expect(output).not.toContain(Buffer.from(CANARY).toString('base64'));
    expect(output).toContain('[REDACTED]');
  });

  it('redacts a long field before cutting it, so a value straddling the cut leaves no prefix behind', () => {
    // GIVEN a registered canary placed across the 4096-character cut of a long field
    const { lines, redactor, logger } = aLogger();
    redactor.register(CANARY);
    const long = `${'x'.repeat(4096 - 5)}${CANARY}${'y'.repeat(10)}`;
    // WHEN the field is logged
    logger.info('long', { long });
    // THEN no part of the canary's first half reaches the line
    expect(lines[0]).not.toContain(CANARY.slice(0, 5));
    expect(JSON.parse(lines[0]).long).toBe(`${'x'.repeat(4096 - 5)}[REDA…`);
  });

  it('prints byte arrays only as their length, even unregistered', () => {
    const { lines, logger } = aLogger();
    logger.info('fetched', { value: new TextEncoder().encode('unregistered-secret') });
    expect(lines[0]).not.toContain('unregistered-secret');
    expect(JSON.parse(lines[0]).value).toBe('[19 bytes]');
  });

  it('expands errors into name, message, reason and cause, without stack traces', () => {
    const { lines, logger } = aLogger();
    const error = Object.assign(new Error('store not ready'), { reason: 'StoreNotReady' });
    logger.error('reconcile failed', { err: error });
    const line = JSON.parse(lines[0]);
    expect(line.err).toEqual({ name: 'Error', message: 'store not ready', reason: 'StoreNotReady' });
  });

  it('survives cyclic fields', () => {
    const { lines, logger } = aLogger();
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    logger.info('cyclic', { cyclic });
    expect(JSON.parse(lines[0]).cyclic).toEqual({ a: 1, self: '[…]' });
  });

  it('parseLogLevel rejects unknown levels with the accepted ones', () => {
    expect(parseLogLevel('debug')).toBe('debug');
    expect(() => parseLogLevel('verbose')).toThrow('use one of debug, info, warn, error');
  });
});
