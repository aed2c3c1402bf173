// A congress survives the portable backup: every row of the congress tables comes back into either engine,
// including an alternate standing in for an official delegate with a higher id, and a document's file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { freshDatabase, snapshotTables, testEngines } from '../../db/test-harness.js';
import { backupDatabase, restoreDatabase } from '../../db/backup.js';
import type { DatabaseHandle } from '../../db/database.js';
import { startTestApp } from '../../server/test-app.js';

const TABLES = ['congresses', 'congress_sessions', 'seat_allocations', 'delegates', 'delegate_tokens', 'checkins', 'agenda_items', 'speakers', 'congress_notices', 'congress_documents', 'congress_events'];

const snapshot = (handle: DatabaseHandle) => snapshotTables(handle, TABLES);

for (const from of testEngines) {
  describe(`congress backup [${from}]`, () => {
    test('every congress row comes back identical in each engine', async () => {
      const t = await startTestApp(from);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-congress-backup-'));
      try {
        await t.addUser('admin', [{ role: 'admin', orgId: null }]);
        const s = await t.login('admin');
        const ward = (await t.call(s, 'POST', '/api/orgs', { name: 'Đảng bộ phường Tân Hồng', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' })).json().id;
        const cell = (await t.call(s, 'POST', '/api/orgs', { name: 'Chi bộ khu phố 1', kind: 'cell', parentId: ward, effectiveOn: '2025-07-01' })).json().id;
        const ids: number[] = [];
        for (const name of ['Lê Văn An', 'Phạm Thị Bình', 'Vũ Văn Cường']) {
          const r = await t.call(s, 'POST', `/api/orgs/${cell}/members`, { fullName: name, gender: 'male', birthDate: '1980-01-01', ethnicity: 'Kinh', religion: null, hometown: null, education: null, theoryLevel: null, admittedOn: '2010-01-01', officialOn: '2011-01-01', cardNumber: null, position: null });
          ids.push(r.json().id);
        }
        const c = (await t.call(s, 'POST', '/api/congresses', { orgId: ward, title: 'Đại hội đại biểu Đảng bộ phường Tân Hồng', kind: 'delegates', opensOn: '2025-08-01', closesOn: '2025-08-01', sessions: [{ kind: 'official', title: null, startsAt: '2025-08-01T07:30:00+07:00', endsAt: null }] })).json().id;
        await t.call(s, 'POST', `/api/congresses/${c}/seats/allocate`, { totalSeats: 2, exOfficioSeats: 0 });
        // the alternate is added first, so it has the lower id
        const [alt, official, other] = (await t.call(s, 'POST', `/api/congresses/${c}/delegates`, { delegates: [{ memberId: ids[0], class: 'alternate', rank: 1 }, { memberId: ids[1] }, { memberId: ids[2] }] })).json().ids;
        assert.equal((await t.call(s, 'POST', `/api/congresses/${c}/delegates/${official}/replace`, { alternateId: alt, decidedBy: 'Đoàn Chủ tịch', reason: 'Công tác' })).statusCode, 200);
        await t.call(s, 'POST', `/api/congresses/${c}/tokens`, { scope: 'all' });
        await t.call(s, 'POST', `/api/congresses/${c}/checkins`, { delegateId: other });
        const item = (await t.call(s, 'POST', `/api/congresses/${c}/agenda`, { title: 'Khai mạc' })).json().id;
        await t.call(s, 'POST', `/api/congresses/${c}/agenda/current`, { itemId: item });
        await t.call(s, 'POST', `/api/congresses/${c}/speakers`, { delegateId: other, topic: 'Ý kiến', limitSeconds: 300 });
        await t.call(s, 'POST', `/api/congresses/${c}/notices`, { text: 'Thông báo' });
        await t.call(s, 'POST', `/api/congresses/${c}/documents`, { title: 'Báo cáo', internal: true, file: { name: 'bc.pdf', type: 'application/pdf', base64: Buffer.from('%PDF-1.4 báo cáo').toString('base64') } });
        const source = await snapshot(t.database);
        assert.ok(TABLES.every((table) => source[table].length > 0), 'every congress table holds rows');
        const file = path.join(dir, 'backup.ndjson.gz');
        await backupDatabase(t.database, file);
        for (const to of testEngines) {
          const target = await freshDatabase(to);
          try {
            await restoreDatabase(target, file);
            assert.deepEqual(await snapshot(target), source, `${from} → ${to}`);
          } finally {
            await target.drop();
          }
        }
      } finally {
        await t.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
