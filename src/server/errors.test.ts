import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import SQLite from 'better-sqlite3';
import { errorHandler } from './errors.js';

// The database's own guards (a reference to nothing, a second row where one is allowed) answer 4xx, not 500.
async function answerTo(fail: () => unknown) {
  const app = Fastify();
  app.setErrorHandler(errorHandler);
  app.post('/', async () => fail());
  const res = await app.inject({ method: 'POST', url: '/' });
  await app.close();
  return { status: res.statusCode, error: res.json().error as { code: string; message: string } };
}

function sqliteWith(statement: string): () => unknown {
  return () => {
    const db = new SQLite(':memory:');
    db.pragma('foreign_keys = ON');
    db.exec('create table org (id integer primary key); create table member (id integer primary key, card text unique, org_id integer not null references org(id))');
    db.exec('insert into org (id) values (1); insert into member (id, card, org_id) values (1, \'A1\', 1)');
    try {
      return db.exec(statement);
    } finally {
      db.close();
    }
  };
}

describe('database guards answer as the client’s error', () => {
  it('a foreign key to nothing (SQLite) is a 400 REFERENCE_NOT_FOUND', async () => {
    const r = await answerTo(sqliteWith("insert into member (id, card, org_id) values (2, 'B2', 999999)"));
    assert.equal(r.status, 400);
    assert.equal(r.error.code, 'REFERENCE_NOT_FOUND');
    assert.match(r.error.message, /không trỏ tới/);
  });
  it('a second row where one is allowed (SQLite unique, primary key) is a 409 ALREADY_EXISTS', async () => {
    for (const statement of ["insert into member (id, card, org_id) values (2, 'A1', 1)", "insert into member (id, card, org_id) values (1, 'C3', 1)"]) {
      const r = await answerTo(sqliteWith(statement));
      assert.equal(r.status, 409, statement);
      assert.equal(r.error.code, 'ALREADY_EXISTS');
    }
  });
  it('the same from PostgreSQL (23503, 23505)', async () => {
    const pgError = (code: string) => () => {
      throw Object.assign(new Error('pg'), { code });
    };
    assert.deepEqual((await answerTo(pgError('23503'))).status, 400);
    assert.deepEqual((await answerTo(pgError('23505'))).status, 409);
  });
  it('anything else stays a 500 with a message that nothing was done', async () => {
    const r = await answerTo(() => {
      throw new Error('boom');
    });
    assert.equal(r.status, 500);
    assert.equal(r.error.code, 'INTERNAL');
  });
});
