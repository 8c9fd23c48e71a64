import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LazyCompilation } from './lazy-compilation.js';
import { createSerializerCompiler } from './serialization.js';
import { createValidatorCompiler } from './validation.js';

describe('LazyCompilation', () => {
  it('compiles a function on its first call, once', () => {
    const compilation = new LazyCompilation();
    let compiled = 0;
    const double = compilation.wrap(() => {
      compiled++;
      return (value: number) => value * 2;
    });
    expect(compiled).toBe(0);
    expect(double.compiled()).toBe(false);
    expect(double(2)).toBe(4);
    expect(double(5)).toBe(10);
    expect(compiled).toBe(1);
    expect(double.compiled()).toBe(true);
  });

  it('compiles what no call has needed yet in compileAll, and nothing twice', async () => {
    const compilation = new LazyCompilation();
    let compiled = 0;
    const functions = [1, 2, 3].map((n) =>
      compilation.wrap(() => {
        compiled++;
        return () => n;
      }),
    );
    functions[1]!();
    expect(await compilation.compileAll()).toBe(2);
    expect(compiled).toBe(3);
    expect(functions.every((fn) => fn.compiled())).toBe(true);
    expect(await compilation.compileAll()).toBe(0);
  });

  it('stops a compileAll under way, and leaves the rest to their first call', async () => {
    const compilation = new LazyCompilation();
    const functions = [1, 2, 3].map((n) => compilation.wrap(() => () => n));
    const all = compilation.compileAll();
    compilation.stop();
    expect(await all).toBe(1);
    expect(functions.map((fn) => fn.compiled())).toEqual([true, false, false]);
    expect(functions[2]!()).toBe(3);
  });

  it('reports a schema that does not compile, at its first call, and keeps it pending', async () => {
    const compilation = new LazyCompilation();
    const broken = compilation.wrap((): (() => number) => {
      throw new Error('no such keyword');
    });
    expect(() => broken()).toThrow('no such keyword');
    await expect(compilation.compileAll()).rejects.toThrow('no such keyword');
  });
});

describe('the lazily compiled validators and serializers of a server', () => {
  const Thing = Type.Object({ id: Type.Integer(), label: Type.String() }, { $id: 'LazyThing' });
  const Wrapper = Type.Object({ thing: Type.Ref(Thing) }, { $id: 'LazyWrapper' });
  const Unrelated = { $id: 'LazyUnrelated', type: 'object', properties: { x: { type: 'no-such-type' } } };
  let app: FastifyInstance;
  let compilation: LazyCompilation;

  beforeAll(async () => {
    compilation = new LazyCompilation();
    app = Fastify();
    const shared = [Thing, Wrapper, Unrelated] as { $id: string }[];
    app.setValidatorCompiler(createValidatorCompiler(compilation));
    app.setSerializerCompiler(createSerializerCompiler(shared, compilation));
    for (const schema of shared) app.addSchema(schema);
    app.post('/things', {
      schema: {
        querystring: Type.Object({ times: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        body: Type.Object({ label: Type.String() }, { additionalProperties: false }),
        response: { 200: Type.Ref(Wrapper) },
      },
      handler: async (request) => {
        const { times } = request.query as { times: number };
        const { label } = request.body as { label: string };
        return { thing: { id: times, label: label.repeat(times), secret: 'never sent' }, extra: true };
      },
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('compiles nothing until a request needs it', () => {
    // The route's query and body validators and its answer's serializer.
    expect(compilation.pendingCount).toBe(3);
  });

  it('coerces the query, and leaves out of the answer every field outside its schema', async () => {
    const response = await app.inject({ method: 'POST', url: '/things?times=2', payload: { label: 'ab' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ thing: { id: 2, label: 'abab' } });
  });

  it('refuses unknown fields and wrong types, with the validator’s errors', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/things?times=1',
      payload: { label: 'a', colour: 'red' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('additional properties');
    const wrongType = await app.inject({
      method: 'POST',
      url: '/things?times=zero',
      payload: { label: 'a' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().message).toContain('querystring/times');
  });

  it('hands a serializer only the shared schemas its response refers to', async () => {
    // LazyUnrelated is no valid JSON Schema (no such type): fast-json-stringify refuses it when it is given
    // every shared schema, as Fastify's own compiler does.
    expect(compilation.pendingCount).toBe(0);
    const answer = await app.inject({ method: 'POST', url: '/things?times=1', payload: { label: 'a' } });
    expect(answer.statusCode).toBe(200);
  });
});
