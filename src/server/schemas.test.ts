import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AJV_OPTIONS } from './app.js';
import { Nullable } from './schemas.js';

// The request validator coerces types; a nullable field must still keep 0, false, null and "" as sent.
async function validate(schema: object, value: unknown): Promise<{ ok: boolean; value: unknown }> {
  const app = Fastify({ ajv: { customOptions: AJV_OPTIONS } });
  app.post('/', { schema: { body: { type: 'object', properties: { v: schema } } } }, async (req) => req.body);
  const res = await app.inject({ method: 'POST', url: '/', payload: { v: value } });
  await app.close();
  return { ok: res.statusCode === 200, value: res.statusCode === 200 ? (res.json() as { v: unknown }).v : undefined };
}

describe('Nullable under the request validator', () => {
  it('keeps a number 0 as 0 and null as null', async () => {
    assert.deepEqual(await validate(Nullable(Type.Number()), 0), { ok: true, value: 0 });
    assert.deepEqual(await validate(Nullable(Type.Number()), null), { ok: true, value: null });
    assert.deepEqual(await validate(Nullable(Type.Number()), -2.5), { ok: true, value: -2.5 });
  });
  it('reads a number sent as text, and refuses text that is no number', async () => {
    assert.deepEqual(await validate(Nullable(Type.Integer()), '5'), { ok: true, value: 5 });
    assert.equal((await validate(Nullable(Type.Integer()), 'abc')).ok, false);
  });
  it('refuses 0 where the minimum is 1 instead of turning it into null', async () => {
    assert.equal((await validate(Nullable(Type.Integer({ minimum: 1 })), 0)).ok, false);
  });
  it('keeps false as false', async () => {
    assert.deepEqual(await validate(Nullable(Type.Boolean()), false), { ok: true, value: false });
    assert.deepEqual(await validate(Nullable(Type.Boolean()), null), { ok: true, value: null });
  });
  it('keeps null a null for text, and an emptied text field means null', async () => {
    assert.deepEqual(await validate(Nullable(Type.String()), null), { ok: true, value: null });
    assert.deepEqual(await validate(Nullable(Type.String()), 'Từ Sơn'), { ok: true, value: 'Từ Sơn' });
    assert.deepEqual(await validate(Nullable(Type.String()), ''), { ok: true, value: null });
  });
});

describe('the decision of a restructuring event', () => {
  it('keeps a missing issuer null rather than empty text', async () => {
    const { Decision } = await import('./schemas.js');
    assert.deepEqual(await validate(Decision, { number: '2314-QĐ/TU', date: null, issuer: null }), {
      ok: true,
      value: { number: '2314-QĐ/TU', date: null, issuer: null },
    });
  });
});
