import 'reflect-metadata';
import { Container, injectable, inject } from 'inversify';
import * as k8s from '@kubernetes/client-node';
import { TESSERA_API_GROUP } from './index.js';

const Greeting = Symbol.for('tessera/Greeting');
@injectable()
class Greeter {
  constructor(@inject(Greeting) readonly greeting: string) {}
}
test('esm, decorators and client-node load', () => {
  const c = new Container();
  c.bind(Greeting).toConstantValue('hi');
  c.bind(Greeter).toSelf();
  expect(c.get(Greeter).greeting).toBe('hi');
  expect(typeof k8s.KubeConfig).toBe('function');
  expect(TESSERA_API_GROUP).toBe('external-secrets.io');
});
