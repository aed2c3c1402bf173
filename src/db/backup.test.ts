import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { freshDatabase, testEngines } from './test-harness.js';
import { backupDatabase, restoreDatabase, TABLE_ORDER } from './backup.js';
import type { DatabaseHandle, Engine } from './database.js';
import { foundOrg, mergeOrgs } from '../modules/orgs/orgs.commands.js';
import { insertMembers } from '../modules/members/members.store.js';
import { insertUser, replaceGrants } from '../modules/accounts/accounts.store.js';

async function fill(handle: DatabaseHandle) {
  await handle.db.transaction().execute(async (db) => {
    const ctx = { db, actor: { userId: null, name: 'test' }, now: '2026-01-01T00:00:00.000Z', today: '2026-01-01' };
    const p = await foundOrg(ctx, { name: 'Đảng bộ tỉnh Lạng Sơn', kind: 'province', parentId: null, effectiveOn: '2000-01-01' });
    const a = await foundOrg(ctx, { name: 'Đảng bộ các cơ quan Đảng tỉnh', kind: 'directly_under', parentId: p, effectiveOn: '2025-02-10' });
    const cells: number[] = [];
    for (let i = 1; i <= 3; i++) cells.push(await foundOrg(ctx, { name: `Chi bộ cơ sở số ${i}`, kind: 'grassroots_cell', parentId: a, effectiveOn: '2025-02-10' }));
    await insertMembers(
      db,
      cells.flatMap((orgId, k) =>
        Array.from({ length: 5 }, (_, i) => ({
          orgId,
          profile: { fullName: `Hoàng Văn Ngọc ${k}${i}`, gender: 'male' as const, birthDate: '1980-02-02', ethnicity: 'Tày', religion: null, hometown: "Lạng Sơn 'quote\"", education: null, theoryLevel: 'advanced' as const, admittedOn: '2005-03-03', officialOn: '2006-03-03', cardNumber: `8800${k}${i}00`, position: null },
        })),
      ),
      'import',
      ctx.now,
      '2025-02-10',
    );
    await mergeOrgs(ctx, cells[0], { sourceIds: [cells[1]], effectiveOn: '2025-09-01', decision: { number: '12-QĐ/ĐU', date: '2025-08-30', issuer: 'Đảng ủy' } });
    const u = await insertUser(db, { username: 'office', displayName: 'Văn phòng', passwordHash: 'scrypt$x', createdAt: ctx.now });
    await replaceGrants(db, u, [{ role: 'office', orgId: a }]);
  });
}

async function snapshot(handle: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLE_ORDER) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(handle.db);
    out[table] = rows.rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort()))).sort();
  }
  return out;
}

const pairs: [Engine, Engine, string][] = [];
for (const from of testEngines) for (const to of testEngines) for (const ext of ['ndjson.gz', ...(from === 'sqlite' ? ['sqlite'] : [])]) pairs.push([from, to, ext]);

describe('backup and restore', () => {
  test('every application table is backed up', async () => {
    const db = await freshDatabase('sqlite');
    const tables = (await db.db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('schema_migrations'));
    await db.drop();
    assert.deepEqual([...tables].sort(), [...TABLE_ORDER].sort());
  });

  for (const [from, to, ext] of pairs) {
    test(`${from} → ${ext} → ${to}: every row comes back identical`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-backup-'));
      const source = await freshDatabase(from);
      const target = await freshDatabase(to);
      try {
        await fill(source);
        // into a folder that does not exist yet (`backup backups/…` on a fresh install)
        const file = path.join(dir, 'backups', `backup.${ext}`);
        const summary = await backupDatabase(source, file);
        assert.equal(summary.tables.members, 15);
        // the target holds other data first: restore replaces it
        await fill(target);
        await target.db.insertInto('audit_log').values({ at: 'x', actor: 'stale', action: 'x', entity: 'x', user_id: null, entity_id: null, org_id: null, before_json: null, after_json: null }).execute();
        await restoreDatabase(target, file);
        assert.deepEqual(await snapshot(target), await snapshot(source));
        // ids keep counting after the restored ones
        const next = await target.db.insertInto('audit_log').values({ at: 'y', actor: 'new', action: 'y', entity: 'y', user_id: null, entity_id: null, org_id: null, before_json: null, after_json: null }).returning('id').executeTakeFirstOrThrow();
        const max = await source.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
        assert.ok(next.id > Number(max.m));
      } finally {
        await source.drop();
        await target.drop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  test('a file that is not a backup is refused and changes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-backup-'));
    const db = await freshDatabase('sqlite');
    try {
      await fill(db);
      const before = await snapshot(db);
      const file = path.join(dir, 'junk.ndjson');
      fs.writeFileSync(file, '{"hello":1}\n');
      await assert.rejects(restoreDatabase(db, file), /not a daihoi backup/);
      assert.deepEqual(await snapshot(db), before);
    } finally {
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
