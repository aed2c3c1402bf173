import Fastify from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { requestValidation } from './app.js';
import { Decision, Nullable } from './schemas.js';

// A field `v` sent in a JSON body, or in the query string, through the app's own request validation.
async function send(where: 'body' | 'query', schema: TSchema, value: unknown): Promise<{ ok: boolean; value: unknown }> {
  const app = Fastify(requestValidation.options);
  requestValidation.register(app);
  const shape = Type.Object({ v: schema });
  app.post('/', { schema: where === 'body' ? { body: shape } : { querystring: shape } }, async (req) => (where === 'body' ? req.body : req.query));
  const res =
    where === 'body'
      ? await app.inject({ method: 'POST', url: '/', payload: { v: value } })
      : await app.inject({ method: 'POST', url: `/?v=${encodeURIComponent(String(value))}` });
  await app.close();
  return { ok: res.statusCode === 200, value: res.statusCode === 200 ? (res.json() as { v: unknown }).v : undefined };
}
const body = (schema: TSchema, value: unknown) => send('body', schema, value);

describe('a JSON body keeps its types', () => {
  it('keeps a number 0 as 0 and null as null', async () => {
    assert.deepEqual(await body(Nullable(Type.Number()), 0), { ok: true, value: 0 });
    assert.deepEqual(await body(Nullable(Type.Number()), null), { ok: true, value: null });
    assert.deepEqual(await body(Nullable(Type.Number()), -2.5), { ok: true, value: -2.5 });
  });
  it('refuses a number sent as text, as true or as empty text instead of reading it as 5, 1 or null', async () => {
    assert.equal((await body(Nullable(Type.Integer()), '5')).ok, false);
    assert.equal((await body(Nullable(Type.Integer({ minimum: 1 })), true)).ok, false);
    assert.equal((await body(Nullable(Type.Integer({ minimum: 1 })), '')).ok, false);
    assert.equal((await body(Type.Integer(), '5')).ok, false);
    assert.equal((await body(Type.Array(Type.Integer()), 5)).ok, false, 'a lone number is not a list');
  });
  it('refuses 0 where the minimum is 1 instead of turning it into null', async () => {
    assert.equal((await body(Nullable(Type.Integer({ minimum: 1 })), 0)).ok, false);
  });
  it('keeps false as false', async () => {
    assert.deepEqual(await body(Nullable(Type.Boolean()), false), { ok: true, value: false });
    assert.deepEqual(await body(Nullable(Type.Boolean()), null), { ok: true, value: null });
    assert.equal((await body(Type.Boolean(), 'true')).ok, false);
  });
  it('reads an emptied nullable text field as null, and keeps text and null as sent', async () => {
    assert.deepEqual(await body(Nullable(Type.String()), null), { ok: true, value: null });
    assert.deepEqual(await body(Nullable(Type.String()), 'Từ Sơn'), { ok: true, value: 'Từ Sơn' });
    assert.deepEqual(await body(Nullable(Type.String({ pattern: '^\\d{4}$' })), ''), { ok: true, value: null });
    assert.deepEqual(await body(Type.String(), ''), { ok: true, value: '' }, 'a text that may not be null stays empty');
  });
  it('does so inside lists and unions of objects', async () => {
    const item = Type.Object({ note: Nullable(Type.String()) });
    assert.deepEqual(await body(Type.Array(item), [{ note: '' }, { note: 'x' }]), { ok: true, value: [{ note: null }, { note: 'x' }] });
    const either = Type.Union([Type.Object({ kind: Type.Literal('a'), note: Nullable(Type.String()) }), Type.Object({ kind: Type.Literal('b') })]);
    assert.deepEqual(await body(either, { kind: 'a', note: '' }), { ok: true, value: { kind: 'a', note: null } });
  });
  it('keeps a missing issuer of a decision null rather than empty text', async () => {
    assert.deepEqual(await body(Decision, { number: '2314-QĐ/TU', date: null, issuer: null }), {
      ok: true,
      value: { number: '2314-QĐ/TU', date: null, issuer: null },
    });
  });
});

describe('a query string is read as text', () => {
  it('turns "5" into 5 and refuses text that is no number', async () => {
    assert.deepEqual(await send('query', Type.Integer(), '5'), { ok: true, value: 5 });
    assert.equal((await send('query', Type.Integer(), 'abc')).ok, false);
    assert.deepEqual(await send('query', Type.Boolean(), 'true'), { ok: true, value: true });
  });
});

describe('the request log', () => {
  it('masks a delegate card token in the paths that carry one', async () => {
    const { withoutSecrets } = await import('./app.js');
    assert.equal(withoutSecrets('/api/delegate/lBKHGmopAbc_-123/events?after=5'), '/api/delegate/***/events?after=5');
    assert.equal(withoutSecrets('/api/delegate/lBKHGmop'), '/api/delegate/***');
    assert.equal(withoutSecrets('/d/lBKHGmopAbc'), '/d/***');
    assert.equal(withoutSecrets('/api/congresses/4/delegates'), '/api/congresses/4/delegates');
  });
});
