import { ApiError } from '../api/api-error.js';
import { decodeKubernetesProtobuf } from './decode-protobuf.js';

/** Test-side protobuf writer: field key + payload, as Go's generated marshallers write them. */
const varint = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
};
const bytesField = (num: number, payload: number[] | string): number[] => {
  const data = typeof payload === 'string' ? [...Buffer.from(payload)] : payload;
  return [...varint((num << 3) | 2), ...varint(data.length), ...data];
};
const intField = (num: number, n: number): number[] => [...varint(num << 3), ...varint(n)];
const envelope = (apiVersion: string, kind: string, raw: number[]): Buffer =>
  Buffer.from([
    0x6b,
    0x38,
    0x73,
    0x00,
    ...bytesField(1, [...bytesField(1, apiVersion), ...bytesField(2, kind)]),
    ...bytesField(2, raw),
  ]);

describe('Kubernetes protobuf request bodies', () => {
  test('a Secret as kubectl create secret sends it decodes to the JSON object, with Go zero values omitted', () => {
    // GIVEN a protobuf Secret with a name, an empty generateName, one data entry and a type
    const meta = [...bytesField(1, 's1'), ...bytesField(2, ''), ...bytesField(3, 'demo'), ...intField(7, 0)];
    const raw = [
      ...bytesField(1, meta),
      ...bytesField(2, [...bytesField(1, 'a'), ...bytesField(2, 'b')]),
      ...bytesField(3, 'Opaque'),
    ];
    // WHEN it is decoded
    const obj = decodeKubernetesProtobuf(envelope('v1', 'Secret', raw));
    // THEN it is the JSON a real apiserver would see
    expect(obj).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's1', namespace: 'demo' },
      data: { a: 'Yg==' },
      type: 'Opaque',
    });
  });

  test('a pointer field keeps an explicit zero (replicas: 0)', () => {
    const raw = [...bytesField(1, bytesField(1, 'web')), ...bytesField(2, intField(1, 0))];
    expect(decodeKubernetesProtobuf(envelope('apps/v1', 'Deployment', raw))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 0 },
    });
  });

  test('an unsupported kind or a body without the k8s magic gets 415', () => {
    expect(() => decodeKubernetesProtobuf(envelope('v1', 'Pod', []))).toThrow(ApiError);
    expect(() => decodeKubernetesProtobuf(Buffer.from('{}'))).toThrow(expect.objectContaining({ code: 415 }));
  });
});
