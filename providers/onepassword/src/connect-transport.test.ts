import { operationOf, retryAfterMs } from './connect-transport.js';

describe('Connect transport helpers', () => {
  it('names each request after the Connect operation it performs, with or without trailing slashes', () => {
    const base = 'http://connect:8080/v1/vaults';
    const v = 'a'.repeat(26);
    const i = 'b'.repeat(26);
    expect(operationOf('get', `${base}/`)).toBe('ListVaults');
    expect(operationOf('get', `${base}/?filter=title%20eq%20%22x%22`)).toBe('ListVaults');
    expect(operationOf('get', `${base}/${v}`)).toBe('GetVault');
    expect(operationOf('get', `${base}/${v}/items`)).toBe('ListItems');
    expect(operationOf('post', `${base}/${v}/items/`)).toBe('CreateItem');
    expect(operationOf('get', `${base}/${v}/items/${i}`)).toBe('GetItem');
    expect(operationOf('put', `${base}/${v}/items/${i}`)).toBe('UpdateItem');
    expect(operationOf('delete', `${base}/${v}/items/${i}`)).toBe('DeleteItem');
    expect(operationOf('get', `${base}/${v}/items/${i}/files/${i}/content`)).toBe('GetFileContent');
    expect(operationOf('get', `http://proxy/op/v1/vaults/${v}/items`)).toBe('ListItems');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
