// The congress room end to end on both engines: the Từ Sơn congress from the demo data.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { testEngines } from '../../db/test-harness.js';
import { loadDemoData } from '../../demo/demo-loader.js';
import { startTestApp, xlsxOf, type Session, type TestApp } from '../../server/test-app.js';
import { openSse, unzipEntry } from './congress.test-support.js';

const TITLE = 'Đại hội đại biểu Đảng bộ phường Từ Sơn lần thứ I, nhiệm kỳ 2025–2030';

for (const engine of testEngines) {
  describe(`congress room [${engine}]`, () => {
    let t: TestApp;
    let office: Session;
    let outsider: Session;
    let base: string;
    let tuSon: number;
    let congressId: number;
    let units: { orgId: number; orgName: string; members: number; seats: number }[] = [];
    const delegateByMember = new Map<number, number>();
    let delegates: { id: number; memberId: number; class: string; origin: string; unitOrgId: number; checkedInAt: string | null }[] = [];
    let tokens: { delegateId: number; token: string; url: string }[] = [];
    const chosen: { id: number; gender: string; probationary: boolean }[] = [];

    before(async () => {
      t = await startTestApp(engine, { today: '2025-08-16' });
      await loadDemoData(t.database, t.clock);
      tuSon = (await t.database.db.selectFrom('organizations').select('id').where('name', '=', 'Đảng bộ phường Từ Sơn').executeTakeFirstOrThrow()).id;
      const other = (await t.database.db.selectFrom('organizations').select('id').where('name', '=', 'Đảng bộ phường Phù Vân').executeTakeFirst())?.id ?? null;
      await t.addUser('office', [{ role: 'office', orgId: tuSon }]);
      await t.addUser('outsider', [{ role: 'office', orgId: other }]);
      office = await t.login('office');
      outsider = await t.login('outsider');
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(() => t.close());

    test('create the congress; bad input is a 4xx with a Vietnamese message', async () => {
      const body = {
        orgId: tuSon,
        title: TITLE,
        kind: 'delegates',
        number: 1,
        term: '2025-2030',
        venue: 'Trung tâm Văn hóa phường Từ Sơn',
        motto: 'Đoàn kết - Dân chủ - Kỷ cương - Đổi mới - Phát triển',
        opensOn: '2025-08-17',
        closesOn: '2025-08-18',
        sessions: [
          { kind: 'preparatory', title: 'Phiên trù bị', startsAt: '2025-08-17T07:30:00+07:00', endsAt: null },
          { kind: 'official', title: 'Phiên chính thức', startsAt: '2025-08-18T07:30:00+07:00', endsAt: '2025-08-18T17:00:00+07:00' },
        ],
      };
      const bad = await t.call(office, 'POST', '/api/congresses', { ...body, closesOn: '2025-08-10' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /bế mạc/);
      const wrongKind = await t.call(office, 'POST', '/api/congresses', { ...body, kind: 'party' });
      assert.equal(wrongKind.statusCode, 400);
      // a chi bộ of Từ Sơn holds a members' congress, not a delegates' one
      const cell = (await t.database.db.selectFrom('organizations').select(['id', 'path']).where('kind', 'in', ['cell', 'grassroots_cell']).where('path', 'like', `${(await t.database.db.selectFrom('organizations').select('path').where('id', '=', tuSon).executeTakeFirstOrThrow()).path}%`).executeTakeFirstOrThrow()).id;
      const cellDelegates = await t.call(office, 'POST', '/api/congresses', { ...body, orgId: cell, title: 'Đại hội Chi bộ khu phố' });
      assert.deepEqual([cellDelegates.statusCode, cellDelegates.json().error.code], [400, 'CONGRESS_KIND_CELL']);
      assert.match(cellDelegates.json().error.message, /đại hội đảng viên/);
      assert.equal((await t.call(outsider, 'POST', '/api/congresses', body)).statusCode, 403);
      const r = await t.call(office, 'POST', '/api/congresses', body);
      assert.equal(r.statusCode, 201, r.body);
      congressId = r.json().id;
      const c = (await t.call(office, 'GET', `/api/congresses/${congressId}`)).json();
      assert.equal(c.title, TITLE);
      assert.equal(c.term, '2025–2030');
      // the organisation's path, root first: the web app checks the user's roles on it
      const bacNinh = (await t.database.db.selectFrom('organizations').select('id').where('name', '=', 'Đảng bộ tỉnh Bắc Ninh').executeTakeFirstOrThrow()).id;
      assert.equal(c.orgPathIds.at(-1), tuSon);
      assert.equal(c.orgPathIds[0], bacNinh);
      assert.deepEqual(c.sessions.map((s: { kind: string }) => s.kind), ['preparatory', 'official']);
      // created on Saturday 16/8 for Sunday 17/8: far less than the 30 working days' notice of Quy định 24-QĐ/TW
      assert.deepEqual(c.warnings.map((w: { code: string; details: unknown }) => [w.code, w.details]), [['CONVENING_NOTICE_SHORT', { workingDays: 0, required: 30 }]]);
      assert.equal((await t.call(outsider, 'GET', `/api/congresses/${congressId}`)).statusCode, 403);
      assert.equal((await t.call(office, 'GET', '/api/congresses')).json().length, 1);
      assert.equal((await t.call(outsider, 'GET', '/api/congresses')).json().length, 0);
    });

    test('allocate 199 seats over the units of Từ Sơn', async () => {
      const tooFew = await t.call(office, 'POST', `/api/congresses/${congressId}/seats/allocate`, { totalSeats: 20, exOfficioSeats: 10 });
      assert.equal(tooFew.statusCode, 409);
      assert.equal(tooFew.json().error.code, 'TOO_FEW_SEATS');
      const r = await t.call(office, 'POST', `/api/congresses/${congressId}/seats/allocate`, { totalSeats: 199, exOfficioSeats: 30 });
      assert.equal(r.statusCode, 200, r.body);
      units = r.json().units;
      assert.equal(units.reduce((s, u) => s + u.seats, 0), 169);
      assert.ok(units.length >= 20);
      for (const u of units) assert.ok(u.seats >= 1);
      // more members, never fewer seats
      for (const a of units) for (const b of units) if (a.members > b.members) assert.ok(a.seats >= b.seats);
      const seats = (await t.call(office, 'GET', `/api/congresses/${congressId}/seats`)).json();
      assert.equal(seats.plannedSeats, 199);
      assert.match(seats.method, /số dư lớn nhất/);
    });

    test('pick the delegates from the members; a wrong pick adds nobody', async () => {
      const picks: { memberId: number; class?: string; origin?: string; unitOrgId?: number; rank?: number }[] = [];
      let exOfficio = 30;
      for (const [k, u] of units.entries()) {
        const list = (await t.call(office, 'GET', `/api/orgs/${u.orgId}/members?pageSize=500&scope=subtree`)).json().items as { id: number; gender: string; probationary: boolean }[];
        const take = u.seats + Math.max(0, Math.min(exOfficio, list.length - u.seats - (k === 0 ? 2 : 0)));
        const ex = take - u.seats;
        exOfficio -= ex;
        list.slice(0, take).forEach((m, i) => {
          picks.push({ memberId: m.id, origin: i < ex ? 'ex_officio' : 'elected', unitOrgId: u.orgId });
          chosen.push(m);
        });
        if (k === 0) {
          // two alternates of the first unit, in the order of votes
          list.slice(take, take + 2).forEach((m, i) => {
            picks.push({ memberId: m.id, class: 'alternate', unitOrgId: u.orgId, rank: i + 1 });
            chosen.push(m);
          });
        }
      }
      assert.equal(exOfficio, 0, 'the units are large enough for the ex-officio delegates');
      const wrong = await t.call(office, 'POST', `/api/congresses/${congressId}/delegates`, { delegates: [...picks.slice(0, 3), { memberId: 99_999_999 }] });
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().error.details[0].code, 'MEMBER_NOT_FOUND');
      assert.equal((await t.database.db.selectFrom('delegates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n, 0);
      const r = await t.call(office, 'POST', `/api/congresses/${congressId}/delegates`, { delegates: picks });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().added, 201);
      const again = await t.call(office, 'POST', `/api/congresses/${congressId}/delegates`, { delegates: [picks[0]] });
      assert.equal(again.json().error.details[0].code, 'ALREADY_DELEGATE');
      delegates = (await t.call(office, 'GET', `/api/congresses/${congressId}/delegates`)).json();
      delegates.forEach((d) => delegateByMember.set(d.memberId, d.id));
      assert.equal(delegates.length, 201);
      const seats = (await t.call(office, 'GET', `/api/congresses/${congressId}/seats`)).json().units as { seats: number; filled: number }[];
      assert.equal(seats.reduce((s, u) => s + u.filled, 0), 199);
    });

    test('the credentials report counts what was picked', async () => {
      const r = await t.call(office, 'GET', `/api/congresses/${congressId}/credentials`);
      assert.equal(r.statusCode, 200);
      const { report, attendance } = r.json();
      assert.equal(report.total, 201);
      assert.equal(report.official, 199);
      assert.equal(report.alternate, 2);
      assert.deepEqual(report.byOrigin.map((b: { key: string; count: number }) => [b.key, b.count]), [['ex_officio', 30], ['elected', 171], ['appointed', 0]]);
      const female = chosen.filter((m) => m.gender === 'female').length;
      assert.equal(report.byGender.find((b: { key: string }) => b.key === 'female').count, female);
      for (const k of ['byAgeBand', 'byEthnicity', 'byEducation', 'byTheoryLevel', 'byPartyYears']) {
        assert.equal(report[k].reduce((s: number, b: { count: number }) => s + b.count, 0), 201, k);
      }
      // the members list says probationary as of today; the report, as of the opening day (one day later)
      const probationary = report.flagged.filter((f: { flags: string[] }) => f.flags.includes('probationary')).length;
      assert.ok(probationary <= chosen.filter((m) => m.probationary).length);
      assert.deepEqual(attendance, { convened: 199, present: 0, required: 133, met: false, alternatesPresent: 0, rule: '2/3' });
    });

    test('import delegates from an Excel list: all rows or none', async () => {
      const unit = units[1];
      const list = (await t.call(office, 'GET', `/api/orgs/${unit.orgId}/members?pageSize=500&scope=subtree`)).json().items as { id: number; fullName: string; cardNumber: string | null; birthDate: string }[];
      const fresh = list.filter((m) => !delegateByMember.has(m.id)).slice(0, 2);
      const taken = list.find((m) => delegateByMember.has(m.id))!;
      const sheet = (rows: (string | number | null)[][]) =>
        xlsxOf([['DANH SÁCH ĐẠI BIỂU DỰ KHUYẾT'], ['STT', 'Họ và tên', 'Số thẻ đảng viên', 'Ngày sinh', 'Loại đại biểu', 'Thành phần', 'Thứ tự'], ...rows], 'Đại biểu');

      const upload = (file: Buffer) => t.upload(office, `/api/congresses/${congressId}/delegates/import`, file, 'dai-bieu.xlsx');

      const row = (m: (typeof list)[number], rank: number) => [rank, m.fullName, m.cardNumber, m.birthDate.split('-').reverse().join('/'), 'Dự khuyết', 'Bầu', rank];
      const bad = await upload(await sheet([row(fresh[0], 1), [2, 'Người Không Có', null, null, 'Dự khuyết', 'Bầu', 2]]));
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'IMPORT_INVALID');
      const dup = await upload(await sheet([row(fresh[0], 1), row(taken, 2)]));
      assert.equal(dup.json().error.details[0].code, 'ALREADY_DELEGATE');
      const before = (await t.call(office, 'GET', `/api/congresses/${congressId}/delegates`)).json().length;
      assert.equal(before, 201, 'the refused files added nobody');
      const ok = await upload(await sheet(fresh.map((m, i) => row(m, i + 1))));
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().added, 2);
      const added = (await t.call(office, 'GET', `/api/congresses/${congressId}/delegates`)).json().filter((d: { id: number }) => ok.json().ids.includes(d.id));
      assert.deepEqual(added.map((d: { class: string; rank: number; unitOrgId: number }) => [d.class, d.rank, d.unitOrgId]), [['alternate', 1, unit.orgId], ['alternate', 2, unit.orgId]]);
    });

    test('tokens: random, stored hashed, one per delegate', async () => {
      const r = await t.call(office, 'POST', `/api/congresses/${congressId}/tokens`, { scope: 'missing' });
      assert.equal(r.statusCode, 200, r.body);
      tokens = r.json();
      assert.equal(tokens.length, 203);
      assert.equal(new Set(tokens.map((x) => x.token)).size, 203);
      for (const x of tokens) assert.ok(Buffer.from(x.token, 'base64url').length >= 16, '≥128 bits');
      assert.match(tokens[0].url, /\/d\/[A-Za-z0-9_-]+$/);
      const stored = await t.database.db.selectFrom('delegate_tokens').select('token_hash').execute();
      assert.ok(stored.every((s) => !tokens.some((x) => x.token === s.token_hash)));
      assert.ok(stored.some((s) => s.token_hash === crypto.createHash('sha256').update(tokens[0].token).digest('hex')));
      assert.equal((await t.call(office, 'POST', `/api/congresses/${congressId}/tokens`, { scope: 'missing' })).json().length, 0);
    });

    test('card links start with the address the clerk opened the app by; one on this machine is flagged before and while printing', async () => {
      const as = (host: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
        t.app.inject({ method, url, headers: { host, cookie: office.cookie, 'x-csrf-token': office.csrf }, payload: payload as object | undefined });
      const d = delegates.at(-1)!;
      for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']) {
        const r = (await as(host, 'GET', `/api/congresses/${congressId}/card-links`)).json();
        assert.deepEqual([r.base, r.source, r.problem?.code], [`http://${host}`, 'request', 'CARD_LINK_LOOPBACK'], host);
        assert.match(r.problem.message, /DAIHOI_PUBLIC_URL/);
        assert.ok(r.lanAddresses.every((a: string) => /^http:\/\/[\d.]+:3000$/.test(a)), r.lanAddresses.join());
        const issued = await as(host, 'POST', `/api/congresses/${congressId}/delegates/${d.id}/token`);
        assert.equal(issued.headers['x-daihoi-card-link-warning'], 'CARD_LINK_LOOPBACK');
      }
      // opened by its LAN address: the cards carry it, no warning
      const lan = (await as('192.168.1.10:3000', 'GET', `/api/congresses/${congressId}/card-links`)).json();
      assert.deepEqual(lan, { base: 'http://192.168.1.10:3000', source: 'request', problem: null, lanAddresses: [] });
      const issued = await as('192.168.1.10:3000', 'POST', `/api/congresses/${congressId}/delegates/${d.id}/token`);
      assert.equal(issued.headers['x-daihoi-card-link-warning'], undefined);
      assert.match(issued.json().url, /^http:\/\/192\.168\.1\.10:3000\/d\/[A-Za-z0-9_-]{32}$/);
      tokens = tokens.map((k) => (k.delegateId === d.id ? issued.json() : k));
      const cards = await as('localhost:3000', 'POST', `/api/congresses/${congressId}/cards.pdf`, { scope: 'selected', delegateIds: [d.id] });
      assert.equal(cards.statusCode, 200);
      assert.equal(cards.headers['x-daihoi-card-link-warning'], 'CARD_LINK_LOOPBACK');
      tokens = tokens.filter((k) => k.delegateId !== d.id);
      assert.equal((await t.call(outsider, 'GET', `/api/congresses/${congressId}/card-links`)).statusCode, 403);
    });

    test('check-in twice is one check-in, acknowledged with the attendance; quorum flips at 133 of 199', async () => {
      // the first unit's officials come last: one of them stays absent for the replacement test
      const officials = [...delegates.filter((d) => d.class === 'official' && d.unitOrgId !== units[0].orgId), ...delegates.filter((d) => d.class === 'official' && d.unitOrgId === units[0].orgId)];
      const first = tokens.find((x) => x.delegateId === officials[0].id)!;
      const a = await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { token: first.url });
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(a.json().created, true);
      const b = await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { token: first.token });
      assert.equal(b.json().created, false);
      assert.equal(b.json().checkedInAt, a.json().checkedInAt);
      const rows = await t.database.db.selectFrom('checkins').selectAll().where('delegate_id', '=', officials[0].id).execute();
      assert.equal(rows.length, 1);
      assert.equal((await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { token: 'x'.repeat(30) })).json().error.code, 'TOKEN_UNKNOWN');
      assert.equal((await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { token: first.token, delegateId: 1 })).statusCode, 400);
      assert.equal((await t.call(outsider, 'POST', `/api/congresses/${congressId}/checkins`, { token: first.token })).statusCode, 403);
      let last = a.json().attendance;
      for (const d of officials.slice(1, 132)) {
        const r = await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { delegateId: d.id });
        assert.equal(r.statusCode, 200, r.body);
        last = r.json().attendance;
      }
      assert.deepEqual([last.present, last.met], [132, false]);
      const flip = await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { delegateId: officials[132].id });
      assert.deepEqual([flip.json().attendance.present, flip.json().attendance.required, flip.json().attendance.met], [133, 133, true]);
      const audit = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'congress.checkin').executeTakeFirstOrThrow();
      assert.equal(Number(audit.n), 133);
    });

    test('an alternate replaces an absent elected official of the same unit, in the order of votes', async () => {
      const unit = units[0].orgId;
      const absent = delegates.filter((d) => d.class === 'official' && d.origin === 'elected' && d.unitOrgId === unit).at(-1)!;
      const [alt1, alt2] = delegates.filter((d) => d.class === 'alternate');
      const wrongOrder = await t.call(office, 'POST', `/api/congresses/${congressId}/delegates/${absent.id}/replace`, { alternateId: alt2.id, decidedBy: 'Đoàn Chủ tịch', reason: 'Ốm' });
      assert.equal(wrongOrder.json().error.code, 'ALTERNATE_ORDER');
      const ok = await t.call(office, 'POST', `/api/congresses/${congressId}/delegates/${absent.id}/replace`, { alternateId: alt1.id, decidedBy: 'Đoàn Chủ tịch', reason: 'Ốm, có đơn xin vắng' });
      assert.equal(ok.statusCode, 200, ok.body);
      const refused = await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { delegateId: absent.id });
      assert.equal(refused.json().error.code, 'DELEGATE_REPLACED');
      const before = (await t.call(office, 'GET', `/api/congresses/${congressId}/attendance`)).json();
      const r = await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { delegateId: alt1.id });
      assert.equal(r.json().attendance.present, before.present + 1);
      assert.equal(r.json().attendance.convened, 199);
      const list = (await t.call(office, 'GET', `/api/congresses/${congressId}/delegates?search=${encodeURIComponent('')}`)).json() as { id: number; replacementDecidedBy: string | null; status: string }[];
      assert.equal(list.find((d) => d.id === alt1.id)!.replacementDecidedBy, 'Đoàn Chủ tịch');
      assert.equal(list.find((d) => d.id === absent.id)!.status, 'replaced');
    });

    test('a recorded replacement binds both delegates: no class, unit or withdrawal change on either side until it is undone; an alternate counts only for a convened seat', async () => {
      const api = (u: string) => `/api/congresses/${congressId}${u}`;
      const list = (await t.call(office, 'GET', api('/delegates'))).json() as { id: number; status: string; replacesDelegateId: number | null; unitOrgId: number }[];
      const alt = list.find((d) => d.replacesDelegateId !== null)!;
      const official = list.find((d) => d.id === alt.replacesDelegateId)!;
      const other = units.find((u) => u.orgId !== official.unitOrgId)!.orgId;
      const before = (await t.call(office, 'GET', api('/attendance'))).json();
      const refusals: [number, object][] = [
        [official.id, { withdrawn: true }],
        [official.id, { class: 'alternate' }],
        [official.id, { unitOrgId: other }],
        [alt.id, { class: 'official' }],
        [alt.id, { withdrawn: true }],
        [alt.id, { unitOrgId: other }],
      ];
      for (const [id, body] of refusals) {
        const r = await t.call(office, 'PATCH', api(`/delegates/${id}`), body);
        assert.deepEqual([r.statusCode, r.json().error.code], [409, 'REPLACEMENT_RECORDED'], `${id} ${JSON.stringify(body)}`);
        assert.match(r.json().error.message, /hủy việc thay thế/);
      }
      assert.deepEqual((await t.call(office, 'GET', api('/attendance'))).json(), before, 'nothing changed');
      assert.equal((await t.call(office, 'PATCH', api(`/delegates/${alt.id}`), { eligibilityNote: null, rank: 1 })).statusCode, 200, 'what the replacement does not rest on still changes');

      // a seat withdrawn behind the routes' back (data from before this check): its alternate is not counted present
      await t.database.db.updateTable('delegates').set({ status: 'withdrawn' }).where('id', '=', official.id).execute();
      const orphan = (await t.call(office, 'GET', api('/attendance'))).json();
      assert.deepEqual([orphan.convened, orphan.present], [before.convened - 1, before.present - 1]);
      await t.database.db.updateTable('delegates').set({ status: 'replaced' }).where('id', '=', official.id).execute();

      // undone: the official is convened again (absent), the alternate stands in for nobody; refused once the alternate has voted
      await t.database.db.insertInto('voter_roster').values({ poll_kind: 'vote', poll_id: 999_999, delegate_id: alt.id }).execute();
      const voted = await t.call(office, 'DELETE', api(`/delegates/${official.id}/replace`));
      assert.deepEqual([voted.statusCode, voted.json().error.code], [409, 'DELEGATE_HAS_VOTED']);
      await t.database.db.deleteFrom('voter_roster').where('poll_id', '=', 999_999).execute();
      const undone = await t.call(office, 'DELETE', api(`/delegates/${official.id}/replace`));
      assert.equal(undone.statusCode, 200, undone.body);
      const after = (await t.call(office, 'GET', api('/delegates'))).json() as typeof list;
      assert.equal(after.find((d) => d.id === official.id)!.status, 'active');
      assert.equal(after.find((d) => d.id === alt.id)!.replacesDelegateId, null);
      assert.deepEqual((({ convened, present }) => [convened, present])((await t.call(office, 'GET', api('/attendance'))).json()), [before.convened, before.present - 1]);
      assert.equal((await t.call(office, 'DELETE', api(`/delegates/${official.id}/replace`))).json().error.code, 'NOT_REPLACED');
      assert.ok((await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'congress.delegate.replace.undo').executeTakeFirst()) !== undefined);
      // recorded again, as the presidium decided
      const again = await t.call(office, 'POST', api(`/delegates/${official.id}/replace`), { alternateId: alt.id, decidedBy: 'Đoàn Chủ tịch', reason: 'Ốm, có đơn xin vắng' });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual((await t.call(office, 'GET', api('/attendance'))).json(), before);
    });

    test('a check-in made by mistake is undone (the attendance follows, live) unless the delegate has voted', async () => {
      const api = (u: string) => `/api/congresses/${congressId}${u}`;
      const list = (await t.call(office, 'GET', api('/delegates'))).json() as { id: number; class: string; status: string; checkedInAt: string | null }[];
      const wrong = list.find((d) => d.class === 'official' && d.status === 'active' && d.checkedInAt !== null)!;
      const absent = list.find((d) => d.class === 'official' && d.status === 'active' && d.checkedInAt === null)!;
      const before = (await t.call(office, 'GET', api('/attendance'))).json();
      const sse = await openSse(`${base}/api/congresses/${congressId}/events`, { cookie: office.cookie });
      assert.equal((await t.call(outsider, 'DELETE', api(`/checkins/${wrong.id}`))).statusCode, 403);
      await t.database.db.insertInto('voter_roster').values({ poll_kind: 'election', poll_id: 999_998, delegate_id: wrong.id }).execute();
      const voted = await t.call(office, 'DELETE', api(`/checkins/${wrong.id}`));
      assert.deepEqual([voted.statusCode, voted.json().error.code], [409, 'DELEGATE_HAS_VOTED']);
      await t.database.db.deleteFrom('voter_roster').where('poll_id', '=', 999_998).execute();
      const undone = await t.call(office, 'DELETE', api(`/checkins/${wrong.id}`));
      assert.equal(undone.statusCode, 200, undone.body);
      assert.equal(undone.json().attendance.present, before.present - 1);
      const event = await sse.waitFor((e) => e.event === 'delegates.changed' && e.data.payload.checkinUndone === wrong.id);
      assert.equal(event.data.payload.attendance.present, before.present - 1);
      sse.close();
      assert.equal((await t.call(office, 'DELETE', api(`/checkins/${wrong.id}`))).json().error.code, 'NOT_CHECKED_IN');
      assert.equal((await t.call(office, 'DELETE', api(`/checkins/${absent.id}`))).json().error.code, 'NOT_CHECKED_IN');
      assert.equal((await t.call(office, 'DELETE', api('/checkins/999999'))).statusCode, 404);
      // checked in again, as a new check-in
      const again = await t.call(office, 'POST', api('/checkins'), { delegateId: wrong.id });
      assert.deepEqual([again.json().created, again.json().attendance.present], [true, before.present]);
      assert.ok((await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'congress.checkin.undo').where('entity_id', '=', String(wrong.id)).executeTakeFirst()) !== undefined);
    });

    test('agenda, speakers, projector and notices produce events in order; a reconnecting client catches up', async () => {
      const sse = await openSse(`${base}/api/congresses/${congressId}/events`, { cookie: office.cookie });
      assert.equal(sse.status, 200);
      const i1 = (await t.call(office, 'POST', `/api/congresses/${congressId}/agenda`, { title: 'Khai mạc đại hội' })).json().id;
      const i2 = (await t.call(office, 'POST', `/api/congresses/${congressId}/agenda`, { title: 'Thảo luận báo cáo chính trị' })).json().id;
      await t.call(office, 'POST', `/api/congresses/${congressId}/agenda/current`, { itemId: i1 });
      const current = await sse.waitFor((e) => e.event === 'agenda.current');
      assert.equal(current.data.payload.currentAgendaItem.id, i1);
      const speaker = (await t.call(office, 'POST', `/api/congresses/${congressId}/speakers`, { delegateId: delegates[0].id, topic: 'Công tác xây dựng Đảng', limitSeconds: 420 })).json().id;
      const started = await t.call(office, 'POST', `/api/congresses/${congressId}/speakers/${speaker}/action`, { action: 'start' });
      assert.equal(started.json().status, 'speaking');
      const bad = await t.call(office, 'POST', `/api/congresses/${congressId}/speakers/${speaker}/action`, { action: 'withdraw' });
      assert.equal(bad.statusCode, 409);
      await t.call(office, 'PUT', `/api/congresses/${congressId}/projector`, { mode: 'speaker' });
      await t.call(office, 'POST', `/api/congresses/${congressId}/notices`, { text: 'Đề nghị đại biểu về chỗ ngồi.' });
      const notice = await sse.waitFor((e) => e.event === 'notice.created');
      const mine = sse.events.filter((e) => e.id !== null);
      assert.deepEqual(mine.map((e) => e.event), ['agenda.changed', 'agenda.changed', 'agenda.current', 'speakers.changed', 'speakers.changed', 'projector.changed', 'notice.created']);
      for (let k = 1; k < mine.length; k++) assert.equal(mine[k].id, mine[k - 1].id! + 1);
      sse.close();

      // while away: the presidium moves on
      await t.call(office, 'POST', `/api/congresses/${congressId}/agenda/current`, { itemId: i2 });
      const resumed = await openSse(`${base}/api/congresses/${congressId}/events`, { cookie: office.cookie, 'last-event-id': String(notice.id) });
      const missed = await resumed.waitFor((e) => e.event === 'agenda.current');
      assert.equal(missed.id, notice.id! + 1);
      assert.equal(missed.data.payload.currentAgendaItem.id, i2);
      resumed.close();
      const polled = await fetch(`${base}/api/congresses/${congressId}/events?after=${mine[0].id! - 1}&once=true`, { headers: { cookie: office.cookie } });
      const text = await polled.text();
      assert.equal((text.match(/^id: /gm) ?? []).length, mine.length + 1);

      const room = (await t.call(office, 'GET', `/api/congresses/${congressId}/room`)).json();
      assert.equal(room.currentAgendaItem.id, i2);
      assert.equal(room.speaking.id, speaker);
      assert.equal(room.projector.mode, 'speaker');
      assert.equal(room.lastSeq, missed.id);
      assert.equal(room.congress.status, 'open');
      assert.equal((await t.call(outsider, 'GET', `/api/congresses/${congressId}/events?once=true`)).statusCode, 403);
    });

    test('the agenda is edited and reordered, an item removed (the current one too); speakers, notices and documents read back; a withdrawn delegate leaves the attendance and their card stops', async () => {
      const api = (u: string) => `/api/congresses/${congressId}${u}`;
      const added = (await t.call(office, 'POST', api('/agenda'), { title: 'Bầu cử Ban Chấp hành', description: 'Phiên chính thức' })).json().id;
      const patched = await t.call(office, 'PATCH', api(`/agenda/${added}`), { title: 'Bầu cử Ban Chấp hành khóa I', position: 1 });
      assert.equal(patched.statusCode, 200, patched.body);
      let agenda = (await t.call(office, 'GET', api('/agenda'))).json() as { id: number; title: string }[];
      assert.equal(agenda[0].id, added, 'moved to the top');
      assert.equal(agenda[0].title, 'Bầu cử Ban Chấp hành khóa I');
      assert.equal((await t.call(office, 'PATCH', api('/agenda/999999'), { title: 'Không có' })).statusCode, 404);
      assert.equal((await t.call(office, 'PATCH', api(`/agenda/${added}`), { title: '' })).statusCode, 400);
      // the current item removed: nothing is current any more
      await t.call(office, 'POST', api('/agenda/current'), { itemId: added });
      assert.equal((await t.call(office, 'DELETE', api(`/agenda/${added}`))).statusCode, 200);
      agenda = (await t.call(office, 'GET', api('/agenda'))).json();
      assert.ok(!agenda.some((a) => a.id === added));
      assert.equal((await t.call(office, 'GET', api('/room'))).json().currentAgendaItem, null);
      assert.equal((await t.call(office, 'DELETE', api(`/agenda/${added}`))).statusCode, 404);

      const speakers = (await t.call(office, 'GET', api('/speakers'))).json() as { topic: string | null }[];
      assert.ok(speakers.some((x) => x.topic === 'Công tác xây dựng Đảng'));
      const notices = (await t.call(office, 'GET', api('/notices'))).json() as { text: string }[];
      assert.equal(notices[0].text, 'Đề nghị đại biểu về chỗ ngồi.', 'newest first');
      assert.equal((await t.call(outsider, 'GET', api('/notices'))).statusCode, 403);

      const doc = await t.call(office, 'POST', api('/documents'), { title: 'Dự thảo Báo cáo chính trị', bodyHtml: '<p>Phần thứ nhất. Kết quả thực hiện Nghị quyết nhiệm kỳ 2020–2025.</p>', internal: true });
      assert.equal(doc.statusCode, 201, doc.body);
      assert.ok(((await t.call(office, 'GET', api('/documents'))).json() as { id: number }[]).some((d) => d.id === doc.json().id));
      // shown on the hall screen, then removed: the screen goes back to the title
      const shown = await t.call(office, 'PUT', api('/projector'), { mode: 'document', documentId: doc.json().id, page: 2 });
      assert.deepEqual(shown.json().projector, { mode: 'document', text: null, documentId: doc.json().id, page: 2 });
      assert.equal((await t.call(office, 'PUT', api('/projector'), { mode: 'document', documentId: doc.json().id, page: 0 })).statusCode, 400);
      assert.equal((await t.call(office, 'DELETE', api(`/documents/${doc.json().id}`))).statusCode, 200);
      assert.equal((await t.call(office, 'GET', api('/room'))).json().projector.mode, 'title');
      assert.ok(!((await t.call(office, 'GET', api('/documents'))).json() as { id: number }[]).some((d) => d.id === doc.json().id));
      assert.equal((await t.call(office, 'DELETE', api(`/documents/${doc.json().id}`))).statusCode, 404);

      // a present delegate withdrawn: out of the attendance, their card no longer opens; reinstated: back
      const fresh = (await t.call(office, 'GET', api('/delegates'))).json() as { id: number; class: string; status: string; checkedInAt: string | null }[];
      const present = fresh.find((d) => d.checkedInAt !== null && d.class === 'official' && d.status === 'active' && tokens.some((k) => k.delegateId === d.id))!;
      const token = tokens.find((k) => k.delegateId === present.id)!.token;
      const before = (await t.call(office, 'GET', api('/attendance'))).json();
      assert.equal((await t.call(office, 'PATCH', api(`/delegates/${present.id}`), { withdrawn: true })).statusCode, 200);
      const after = (await t.call(office, 'GET', api('/attendance'))).json();
      assert.deepEqual([after.convened, after.present], [before.convened - 1, before.present - 1]);
      assert.equal((await t.call(null, 'GET', `/api/delegate/${token}`)).statusCode, 401);
      assert.equal((await t.call(office, 'PATCH', api(`/delegates/${present.id}`), { withdrawn: false })).statusCode, 200);
      assert.deepEqual(
        (({ convened, present: p }) => [convened, p])((await t.call(office, 'GET', api('/attendance'))).json()),
        [before.convened, before.present],
      );
    });

    test('the delegate view opens with the token only; a revoked token is refused; reissue works', async () => {
      const d = delegates[5];
      const x = tokens.find((k) => k.delegateId === d.id)!;
      const me = await t.call(null, 'GET', `/api/delegate/${x.token}`);
      assert.equal(me.statusCode, 200, me.body);
      assert.equal(me.json().me.id, d.id);
      assert.equal(me.json().congress.title, TITLE);
      const ask = await t.call(null, 'POST', `/api/delegate/${x.token}/speakers`, { topic: 'Chuyển đổi số' });
      assert.equal(ask.statusCode, 201);
      const sse = await openSse(`${base}/api/delegate/${x.token}/events?after=0`);
      await sse.waitFor((e) => e.event === 'speakers.changed' && e.data.payload.speakers.some((s: { id: number; status: string }) => s.id === ask.json().id && s.status === 'requested'));
      // another delegate's phone stays open through this delegate's revocation
      const other = tokens.find((k) => k.delegateId === delegates[6].id)!;
      const bystander = await openSse(`${base}/api/delegate/${other.token}/events`);
      assert.equal((await t.call(office, 'DELETE', `/api/congresses/${congressId}/delegates/${d.id}/token`)).json().revoked, 1);
      // the phone open on the revoked card is told and its stream ends: nothing after the revocation reaches it
      const revokedAt = (await sse.waitFor((e) => e.event === 'delegate.cards_revoked' && e.data.payload.delegateIds.includes(d.id))).data.seq;
      await Promise.race([sse.ended, new Promise((_, reject) => setTimeout(() => reject(new Error('the revoked phone stream stayed open')), 5000))]);
      await t.call(office, 'POST', `/api/congresses/${congressId}/notices`, { text: 'Đại hội nghỉ giải lao 15 phút.' });
      await bystander.waitFor((e) => e.event === 'notice.created');
      assert.ok(!sse.events.some((e) => e.data.seq > revokedAt), 'the revoked phone hears nothing more');
      bystander.close();
      sse.close();
      const refused = await t.call(null, 'GET', `/api/delegate/${x.token}`);
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.json().error.code, 'DELEGATE_TOKEN_INVALID');
      assert.equal((await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { token: x.token })).json().error.code, 'TOKEN_UNKNOWN');
      assert.equal((await fetch(`${base}/api/delegate/${x.token}/events`)).status, 401);
      const again = await t.call(office, 'POST', `/api/congresses/${congressId}/delegates/${d.id}/token`);
      assert.notEqual(again.json().token, x.token);
      assert.equal((await t.call(null, 'GET', `/api/delegate/${again.json().token}`)).statusCode, 200);
      assert.equal((await t.call(null, 'GET', '/api/delegate/not-a-token')).statusCode, 401);
    });

    test('an internal document is hidden from the public, shown to delegates and staff', async () => {
      const phone = await openSse(`${base}/api/delegate/${tokens.find((k) => k.delegateId === delegates[7].id)!.token}/events`);
      const html = await t.call(office, 'POST', `/api/congresses/${congressId}/documents`, { title: 'Chương trình đại hội', internal: false, bodyHtml: '<p>Phiên trù bị</p>' });
      assert.equal(html.statusCode, 201, html.body);
      // the event carries the new list: a phone does not fetch it again
      const changed = await phone.waitFor((e) => e.event === 'documents.changed');
      phone.close();
      assert.deepEqual(changed.data.payload.documents.map((d: { id: number; title: string }) => [d.id, d.title]), [[html.json().id, 'Chương trình đại hội']]);
      const pdf = Buffer.from('%PDF-1.4 dự thảo báo cáo chính trị');
      const internal = await t.call(office, 'POST', `/api/congresses/${congressId}/documents`, { title: 'Dự thảo Báo cáo chính trị', internal: true, file: { name: 'bao-cao.pdf', type: 'application/pdf', base64: pdf.toString('base64') } });
      assert.equal(internal.statusCode, 201, internal.body);
      assert.equal((await t.call(office, 'POST', `/api/congresses/${congressId}/documents`, { title: 'Trống', internal: false })).statusCode, 400);
      const pub = (await t.call(null, 'GET', `/api/public/congresses/${congressId}/documents`)).json();
      assert.deepEqual(pub.documents.map((d: { title: string }) => d.title), ['Chương trình đại hội']);
      assert.equal((await t.call(null, 'GET', `/api/public/congresses/${congressId}/documents/${internal.json().id}?download=true`)).statusCode, 404);
      assert.equal((await t.call(null, 'GET', `/api/congresses/${congressId}/documents/${internal.json().id}`)).statusCode, 401);
      const token = tokens.find((k) => k.delegateId === delegates[7].id)!.token;
      const seen = (await t.call(null, 'GET', `/api/delegate/${token}/documents`)).json();
      assert.equal(seen.length, 2);
      const file = await t.call(null, 'GET', `/api/delegate/${token}/documents/${internal.json().id}?download=true`);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.deepEqual(file.rawPayload, pdf);
      const offline = await t.call(null, 'GET', `/api/public/congresses/${congressId}/documents/${html.json().id}?download=true`);
      assert.match(offline.body, /<h1>Chương trình đại hội<\/h1>/);
      assert.equal((await t.call(office, 'GET', `/api/congresses/${congressId}/documents`)).json().length, 2);
    });

    test('documents: rich text is sanitised (scripts, handlers, javascript: links gone; headings, lists, tables kept); a Word file becomes rich text; files are checked by type, bytes and size', async () => {
      const api = `/api/congresses/${congressId}/documents`;
      const add = (body: object) => t.call(office, 'POST', api, { title: 'Tài liệu thử', internal: true, ...body });
      const read = async (id: number) => (await t.call(office, 'GET', `${api}/${id}`)).json().bodyHtml as string;
      const dirty =
        '<h2 onclick="steal()">Phần I</h2><p style="color:red">Kết quả <strong>nổi bật</strong> <a href="javascript:alert(1)">xem</a> <a href="https://tuson.bacninh.gov.vn">cổng</a></p>' +
        '<script>alert(document.cookie)</script><img src=x onerror="alert(1)"><iframe src="https://evil.example"></iframe><ul><li>Một</li><li>Hai</li></ul>' +
        '<table><tbody><tr><th>Chỉ tiêu</th><td colspan="2" onmouseover="x()">95%</td></tr></tbody></table><form action="/x"><input name="p"></form>';
      const r = await add({ bodyHtml: dirty });
      assert.equal(r.statusCode, 201, r.body);
      const html = await read(r.json().id);
      for (const bad of [/<script/i, /onerror/i, /onclick/i, /onmouseover/i, /javascript:/i, /<iframe/i, /<img/i, /style=/i, /<form/i, /<input/i, /alert\(document/]) assert.doesNotMatch(html, bad);
      for (const kept of ['<h2>Phần I</h2>', '<strong>nổi bật</strong>', '<ul><li>Một</li><li>Hai</li></ul>', '<td colspan="2">95%</td>', '<a href="https://tuson.bacninh.gov.vn" target="_blank" rel="noopener noreferrer">cổng</a>']) assert.ok(html.includes(kept), kept);
      const stored = await t.database.db.selectFrom('congress_documents').select('body_html').where('id', '=', r.json().id).executeTakeFirstOrThrow();
      assert.equal(stored.body_html, html, 'stored as sanitised');
      // the download is served as what it is declared
      const dl = await t.app.inject({ method: 'GET', url: `${api}/${r.json().id}?download=true`, headers: { cookie: office.cookie } });
      assert.equal(dl.headers['x-content-type-options'], 'nosniff');
      assert.doesNotMatch(dl.body, /<script/);
      const onlyScript = await add({ bodyHtml: '<script>alert(1)</script><p onclick="x()"> </p>' });
      assert.deepEqual([onlyScript.statusCode, onlyScript.json().error.code], [400, 'VALIDATION_FAILED']);

      // a Word file: its headings, emphasis, lists and table become the document's rich text
      type Make = new (options: object | string) => object;
      // typed by hand, as src/docs/party-document.ts does (the library's declarations do not resolve under NodeNext)
      const lib = createRequire(import.meta.url)('docx') as { Document: Make; Paragraph: Make; TextRun: Make; Table: Make; TableRow: Make; TableCell: Make; HeadingLevel: { HEADING_1: string }; Packer: { toBuffer(d: object): Promise<Buffer> } };
      const { Document, Packer, Paragraph, HeadingLevel, TextRun, Table, TableRow, TableCell } = lib;
      const word = await Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Báo cáo chính trị')] }),
                new Paragraph({ children: [new TextRun('Nhiệm kỳ '), new TextRun({ text: '2025–2030', bold: true })] }),
                new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Chỉ tiêu')] }), new TableCell({ children: [new Paragraph('Kết quả')] })] })] }),
              ],
            },
          ],
        }),
      );
      const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      const w = await add({ file: { name: 'bao-cao.docx', type: docxType, base64: word.toString('base64') } });
      assert.equal(w.statusCode, 201, w.body);
      const whtml = await read(w.json().id);
      assert.match(whtml, /<h1>Báo cáo chính trị<\/h1>/);
      assert.match(whtml, /<strong>2025–2030<\/strong>/);
      assert.match(whtml, /<table>.*Chỉ tiêu.*Kết quả.*<\/table>/s);
      assert.equal((await t.call(office, 'GET', `${api}/${w.json().id}`)).json().kind, 'text');

      // files refused by their type, their bytes or their size; nothing is added
      const count = async () => Number((await t.database.db.selectFrom('congress_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const b64 = (x: string | Buffer) => Buffer.from(x).toString('base64');
      const refusals: [object, number, string][] = [
        [{ name: 'bao-cao.pdf', type: 'application/pdf', base64: b64('hello world') }, 400, 'DOCUMENT_NOT_PDF'],
        [{ name: 'trang.html', type: 'text/html', base64: b64('<script>alert(1)</script>') }, 400, 'DOCUMENT_TYPE_REFUSED'],
        [{ name: 'bao-cao.docx', type: docxType, base64: b64('%PDF-1.4 not a zip') }, 400, 'DOCUMENT_NOT_DOCX'],
        [{ name: 'hong.docx', type: docxType, base64: b64(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)])) }, 400, 'DOCUMENT_NOT_DOCX'],
        [{ name: 'lon.pdf', type: 'application/pdf', base64: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(25 * 1024 * 1024)]).toString('base64') }, 413, 'DOCUMENT_TOO_LARGE'],
      ];
      for (const [file, status, code] of refusals) {
        const x = await add({ file });
        assert.deepEqual([x.statusCode, x.json().error.code], [status, code], (file as { name: string }).name);
        assert.match(x.json().error.message, /[^\x00-\x7f]/, "a Vietnamese message");
      }
      assert.equal(await count(), before);
      for (const id of [r.json().id, w.json().id]) await t.call(office, 'DELETE', `${api}/${id}`);
    });

    test('delegate cards: an A6 PDF with the Vietnamese font embedded, one page per card; printing reissues the cards', async () => {
      const picked = [delegates[10], delegates[11]];
      const old = tokens.find((k) => k.delegateId === picked[0].id)!;
      const r = await t.app.inject({ method: 'POST', url: `/api/congresses/${congressId}/cards.pdf`, headers: { cookie: office.cookie, 'x-csrf-token': office.csrf }, payload: { scope: 'selected', delegateIds: picked.map((d) => d.id) } });
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers['content-type'], 'application/pdf');
      const pdf = r.rawPayload.toString('latin1');
      assert.ok(pdf.startsWith('%PDF-'));
      assert.equal((pdf.match(/\/Type \/Page\b(?!s)/g) ?? []).length, 2);
      assert.match(pdf, /\/MediaBox \[0 0 297\.64 419\.53\]/);
      assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+(NotoSans|DejaVuSans)-Bold/, "a Vietnamese font is embedded (Noto, or DejaVu where Noto is not installed)");
      assert.match(pdf, /\/FontFile2/);
      assert.equal((await t.call(null, 'GET', `/api/delegate/${old.token}`)).statusCode, 401, 'the old card no longer opens');
      const none = await t.call(office, 'POST', `/api/congresses/${congressId}/cards.pdf`, { scope: 'selected', delegateIds: [] });
      assert.equal(none.statusCode, 400);
    });

    test('working bodies: presidium, secretariat, credentials and counting committee; checked, approved by a show of hands, used by the seating chart', async () => {
      const put = (body: string, members: unknown[], who: Session = office) => t.call(who, 'PUT', `/api/congresses/${congressId}/working-bodies/${body}`, { members });
      const all = (await t.call(office, 'GET', `/api/congresses/${congressId}/delegates`)).json() as { id: number; fullName: string }[];
      const names = async (ids: number[]) => ids.map((id) => all.find((d) => d.id === id)!.fullName);
      const [p1, p2, p3, c1, c2] = delegates.slice(0, 5).map((d) => d.id);
      const presidium = await put('presidium', [{ delegateId: p1 }, { delegateId: p2 }, { delegateId: p3 }]);
      assert.equal(presidium.statusCode, 200, presidium.body);
      assert.deepEqual(presidium.json().members.map((m: { fullName: string }) => m.fullName), await names([p1, p2, p3]));
      assert.equal(presidium.json().approvedBy, null);
      // refused with the reason: a head of the presidium, two heads, someone twice, a stranger, nobody named
      const refusals: [string, unknown[], number, string][] = [
        ['presidium', [{ delegateId: p1, head: true }], 400, 'WORKING_BODY_HEAD'],
        ['counting_committee', [{ delegateId: c1, head: true }, { delegateId: c2, head: true }], 400, 'WORKING_BODY_HEAD'],
        ['secretariat', [{ delegateId: c1 }, { delegateId: c1 }], 400, 'WORKING_BODY_DUPLICATE'],
        ['secretariat', [{ fullName: 'Nguyễn Văn Khách' }, { fullName: ' nguyễn  văn khách ' }], 400, 'WORKING_BODY_DUPLICATE'],
        ['secretariat', [{ delegateId: 999999 }], 404, 'NOT_FOUND'],
        ['secretariat', [{}], 400, 'VALIDATION'],
        ['board', [{ delegateId: c1 }], 400, 'VALIDATION'],
      ];
      for (const [body, members, status, code] of refusals) {
        const r = await put(body, members);
        assert.equal(r.statusCode, status, `${body} ${JSON.stringify(members)}: ${r.body}`);
        if (code !== 'VALIDATION' && code !== 'NOT_FOUND') assert.equal(r.json().error.code, code);
        assert.match(r.json().error.message, /./);
      }
      assert.equal((await put('counting_committee', [{ delegateId: c1, head: true }, { delegateId: c2 }, { fullName: 'Trần Văn Khách' }])).statusCode, 200);
      assert.equal((await put('secretariat', [{ delegateId: c2 }], outsider)).statusCode, 403);
      // approved by a show of hands: the presidium's vote
      const vote = (await t.call(office, 'POST', `/api/congresses/${congressId}/votes`, { subject: 'presidium', question: 'Biểu quyết thông qua Đoàn Chủ tịch đại hội' })).json().id;
      await t.call(office, 'POST', `/api/congresses/${congressId}/votes/${vote}/open`);
      assert.equal((await t.call(office, 'POST', `/api/congresses/${congressId}/votes/${vote}/hand-count`, { for: 130, against: 0 })).statusCode, 200);
      assert.equal((await t.call(office, 'POST', `/api/congresses/${congressId}/votes/${vote}/close`)).statusCode, 200);
      const bodies = (await t.call(office, 'GET', `/api/congresses/${congressId}/working-bodies`)).json().bodies as { body: string; members: { fullName: string; head: boolean }[]; approvedBy: { voteId: number } | null }[];
      assert.deepEqual(bodies.map((b) => [b.body, b.members.length, b.approvedBy?.voteId ?? null]), [
        ['presidium', 3, vote],
        ['secretariat', 0, null],
        ['credentials_committee', 0, null],
        ['counting_committee', 3, null],
      ]);
      assert.deepEqual(bodies[3].members.map((m) => m.head), [true, false, false]);
      // five minutes later the presidium's list is changed: no longer the list the congress approved
      const clock = t.clock as { now: () => Date };
      const was = clock.now;
      clock.now = () => new Date(was().getTime() + 5 * 60_000);
      try {
        assert.equal((await put('presidium', [{ delegateId: p1 }, { delegateId: p2 }])).json().approvedBy, null);
        await put('presidium', [{ delegateId: p1 }, { delegateId: p2 }, { delegateId: p3 }]);
      } finally {
        clock.now = was;
      }
      // the minutes name the bodies; the seating chart seats the presidium at its table by default
      const xml = unzipEntry((await t.app.inject({ method: 'GET', url: `/api/congresses/${congressId}/minutes.docx`, headers: { cookie: office.cookie } })).rawPayload, 'word/document.xml')!;
      const [n1, , , k1] = await names([p1, p2, p3, c1]);
      assert.ok(xml.includes(`Đoàn Chủ tịch (3 đồng chí): ${n1}`), 'the presidium in the minutes (its list changed after the vote: not marked approved)');
      assert.ok(xml.includes(`Ban Kiểm phiếu (3 đồng chí): ${k1} (trưởng ban)`), 'the counting committee in the minutes');
      const seating = await t.app.inject({ method: 'GET', url: `/api/congresses/${congressId}/seating.pdf`, headers: { cookie: office.cookie } });
      assert.equal(seating.statusCode, 200);
      const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'congress.working_body').execute();
      assert.equal(audit.length, 4, 'each list set is on record');
    });

    test('the seating chart: an A4 landscape PDF with the Vietnamese font; seats per row and the presidium are checked', async () => {
      const get = (query: string, who: Session = office) => t.app.inject({ method: 'GET', url: `/api/congresses/${congressId}/seating.pdf${query}`, headers: { cookie: who.cookie } });
      const presidium = delegates.slice(0, 3).map((d) => d.id).join(',');
      const r = await get(`?seatsPerRow=12&presidium=${presidium}`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers['content-type'], 'application/pdf');
      const pdf = r.rawPayload.toString('latin1');
      assert.ok(pdf.startsWith('%PDF-'));
      assert.match(pdf, /\/MediaBox \[0 0 841\.89 595\.28\]/);
      assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+(NotoSans|DejaVuSans)-Bold/);
      // about 200 delegates at 12 a row: the hall spans pages, then the list by delegation
      assert.ok((pdf.match(/\/Type \/Page\b(?!s)/g) ?? []).length >= 3);
      assert.equal((await get('')).statusCode, 200, 'seats per row is optional');
      assert.equal((await get('?seatsPerRow=1')).statusCode, 400);
      assert.equal((await get('?seatsPerRow=abc')).statusCode, 400);
      const stranger = await get('?presidium=999999');
      assert.deepEqual([stranger.statusCode, stranger.json().error.code], [400, 'PRESIDIUM_NOT_DELEGATE']);
      assert.equal((await get('', outsider)).statusCode, 403);
    });

    test('the minutes: a DOCX in the Party format, pre-filled with the congress facts and attendance', async () => {
      const r = await t.app.inject({ method: 'GET', url: `/api/congresses/${congressId}/minutes.docx`, headers: { cookie: office.cookie } });
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      const xml = unzipEntry(r.rawPayload, 'word/document.xml')!;
      const text = xml.replace(/<[^>]+>/g, '');
      for (const s of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG BỘ TỈNH BẮC NINH', 'ĐẢNG BỘ PHƯỜNG TỪ SƠN', 'BIÊN BẢN', TITLE, 'Từ Sơn, ngày 18 tháng 08 năm 2025', 'Tổng số đại biểu được triệu tập: 199', 'Khai mạc đại hội', 'Times New Roman']) {
        assert.ok(text.includes(s) || xml.includes(s), s);
      }
      assert.match(text, /Số đại biểu có mặt: 134 đồng chí/);
      assert.match(xml, /w:u w:val="single"/);
      assert.equal((await t.call(outsider, 'GET', `/api/congresses/${congressId}/minutes.docx`)).statusCode, 403);
    });

    test('bad input to any congress route is a 4xx JSON error, never a 500', async () => {
      const routes = t.routes.filter((r) => /\/api\/(congresses|delegate|public\/congresses)/.test(r.url));
      const fill = (url: string, id: string) => url.replace(':id', id).replace(':delegateId', String(delegates[3].id)).replace(':itemId', '999999').replace(':speakerId', '999999').replace(':docId', '999999').replace(':token', 'A'.repeat(32));
      const bodies: unknown[] = [{}, { title: 123, kind: ['x'] }, { token: '' }, { delegateId: -1 }, { itemId: 'abc' }, { mode: 'disco' }, { totalSeats: 1e12, exOfficioSeats: -5 }, { delegates: [{ memberId: 'x' }] }, { scope: 'everything' }];
      // well-formed bodies whose ids point at nothing, or at something outside this congress: they reach the database
      const province = (await t.database.db.selectFrom('organizations').select('id').where('name', '=', 'Đảng bộ tỉnh Bắc Ninh').executeTakeFirstOrThrow()).id;
      const memberOutside = delegates[3].memberId;
      const foreign: unknown[] = [
        { unitOrgId: 999999 },
        { unitOrgId: province },
        { delegateId: 999999 },
        { delegateId: 999999, topic: 'Chủ đề' },
        { title: 'Mục mới', sessionId: 999999 },
        { topic: 'Chủ đề phát biểu', agendaItemId: 999999 },
        { name: 'Khách mời', agendaItemId: 999999 },
        { mode: 'document', documentId: 999999 },
        { itemId: 999999 },
        { alternateId: 999999, decidedBy: 'Đoàn Chủ tịch', reason: 'Ốm' },
        { delegates: [{ memberId: 999999 }] },
        { delegates: [{ memberId: memberOutside, unitOrgId: 999999 }] },
        { scope: 'selected', delegateIds: [999999] },
        { totalSeats: 10, exOfficioSeats: 0, unitIds: [999999] },
        { members: [{ delegateId: 999999 }] },
      ];
      const failures: string[] = [];
      for (const r of routes) {
        for (const id of [String(congressId), '999999', 'abc']) {
          for (const body of r.method === 'GET' || r.method === 'DELETE' ? [undefined] : id === String(congressId) ? [...bodies, ...foreign] : bodies) {
            // event streams stay open: ask for what was missed only
            const url = fill(r.url, id) + (r.url.endsWith('/events') ? '?once=true' : '');
            const res = await t.call(office, r.method, url, body);
            if (res.statusCode >= 500 || (res.statusCode >= 400 && !res.json().error?.message)) failures.push(`${r.method} ${url} ${JSON.stringify(body)} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });

    test('a delegate’s unit is one of the congress’s units: an unknown one or one above the congress is refused and nothing changes', async () => {
      const d = delegates[3];
      const province = (await t.database.db.selectFrom('organizations').select('id').where('name', '=', 'Đảng bộ tỉnh Bắc Ninh').executeTakeFirstOrThrow()).id;
      const other = units.find((u) => u.orgId !== d.unitOrgId)!.orgId;
      const unitOf = async () => (await t.database.db.selectFrom('delegates').select('unit_org_id').where('id', '=', d.id).executeTakeFirstOrThrow()).unit_org_id;
      for (const unitOrgId of [999999, province]) {
        const r = await t.call(office, 'PATCH', `/api/congresses/${congressId}/delegates/${d.id}`, { unitOrgId, eligibilityNote: 'không được ghi' });
        assert.deepEqual([r.statusCode, r.json().error.code], [400, 'UNIT_INVALID'], r.body);
        assert.match(r.json().error.message, /Đơn vị bầu/);
        assert.equal(await unitOf(), d.unitOrgId);
      }
      assert.equal((await t.call(office, 'PATCH', `/api/congresses/${congressId}/delegates/${d.id}`, { unitOrgId: d.unitOrgId })).statusCode, 200, 'the unit kept as it is');
      assert.equal((await t.call(office, 'PATCH', `/api/congresses/${congressId}/delegates/${d.id}`, { unitOrgId: other })).statusCode, 200);
      assert.equal(await unitOf(), other);
      assert.equal((await t.call(office, 'PATCH', `/api/congresses/${congressId}/delegates/${d.id}`, { unitOrgId: d.unitOrgId })).statusCode, 200);
      assert.equal((await t.database.db.selectFrom('delegates').select('eligibility_note').where('id', '=', d.id).executeTakeFirstOrThrow()).eligibility_note, null);
    });

    test('PUT keeps what it is not given: sessions of another congress are refused (no session lost), the seat numbers stay; minutes without a session leave the time to fill in', async () => {
      const putBody = async (id: number) => {
        const c = (await t.call(office, 'GET', `/api/congresses/${id}`)).json();
        const { id: _id, orgName: _n, currentAgendaItemId: _c, projector: _p, lastSeq: _l, createdAt: _a, updatedAt: _u, orgPathIds: _o, warnings: _w, quorumNumerator, quorumDenominator, plannedSeats: _ps, exOfficioSeats: _es, ...facts } = c;
        return { ...facts, quorum: { numerator: quorumNumerator, denominator: quorumDenominator } } as Record<string, unknown> & { sessions: { id: number }[] };
      };
      // another congress of the same organisation, with no session
      const other = (await t.call(office, 'POST', '/api/congresses', { orgId: tuSon, title: 'Đại hội Đảng bộ phường Từ Sơn (bất thường)', kind: 'delegates', opensOn: '2025-10-01', closesOn: '2025-10-01' })).json().id;
      const mine = await putBody(congressId);
      assert.equal(mine.sessions.length, 2);
      const otherSession = (await t.database.db.insertInto('congress_sessions').values({ congress_id: other, kind: 'official', title: null, starts_at: '2025-10-01T07:30:00+07:00', ends_at: null }).returning('id').executeTakeFirstOrThrow()).id;
      for (const id of [999_999, otherSession]) {
        const r = await t.call(office, 'PUT', `/api/congresses/${congressId}`, { ...mine, sessions: [{ ...mine.sessions[0], id }] });
        assert.deepEqual([r.statusCode, r.json().error.code], [400, 'SESSION_NOT_OF_CONGRESS'], r.body);
        assert.equal((await t.call(office, 'GET', `/api/congresses/${congressId}`)).json().sessions.length, 2, 'no session removed');
      }
      // the form's facts without the seat numbers: the allocation's 199 and 30 stay
      const kept = await t.call(office, 'PUT', `/api/congresses/${congressId}`, { ...mine, venue: 'Hội trường Đảng ủy phường Từ Sơn' });
      assert.equal(kept.statusCode, 200, kept.body);
      const after = (await t.call(office, 'GET', `/api/congresses/${congressId}`)).json();
      assert.deepEqual([after.plannedSeats, after.exOfficioSeats, after.venue, after.sessions.length], [199, 30, 'Hội trường Đảng ủy phường Từ Sơn', 2]);
      assert.equal((await t.call(office, 'PUT', `/api/congresses/${congressId}`, { ...mine, plannedSeats: 20 })).json().error.message, 'Số đại biểu đương nhiên lớn hơn tổng số đại biểu.', 'checked against the stored ex-officio number');
      // the other congress's session removed: its minutes give no made-up time
      assert.equal((await t.call(office, 'PUT', `/api/congresses/${other}`, { ...(await putBody(other)), sessions: [] })).statusCode, 200);
      const xml = unzipEntry((await t.app.inject({ method: 'GET', url: `/api/congresses/${other}/minutes.docx`, headers: { cookie: office.cookie } })).rawPayload, 'word/document.xml')!;
      const text = xml.replace(/<[^>]+>/g, '');
      assert.ok(text.includes('bắt đầu lúc ..... giờ'), 'dots to fill in');
      assert.doesNotMatch(text, /0 giờ 00/);
    });

    test('closing the congress stops changes; the check-in route is rate-limited', async () => {
      const c = (await t.call(office, 'GET', `/api/congresses/${congressId}`)).json();
      const { id: _id, orgName: _n, status: _s, currentAgendaItemId: _c, projector: _p, lastSeq: _l, createdAt: _a, updatedAt: _u, sessions, quorumNumerator, quorumDenominator, ...facts } = c;
      const closed = await t.call(office, 'PUT', `/api/congresses/${congressId}`, { ...facts, quorum: { numerator: quorumNumerator, denominator: quorumDenominator }, sessions, status: 'closed' });
      assert.equal(closed.statusCode, 200, closed.body);
      const late = await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { delegateId: delegates[190].id });
      assert.equal(late.json().error.code, 'CONGRESS_CLOSED');
    });
  });
}

describe('check-in rate limit', () => {
  test('a staff user scanning too fast is told to slow down (429, Vietnamese)', async () => {
    const t = await startTestApp(testEngines[0], { env: { DAIHOI_CHECKIN_RATE_LIMIT: '3' } });
    try {
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      const s = await t.login('admin');
      const org = (await t.call(s, 'POST', '/api/orgs', { name: 'Đảng bộ phường Thử', kind: 'commune', parentId: null, effectiveOn: '2025-07-01' })).json().id;
      const c = (await t.call(s, 'POST', '/api/congresses', { orgId: org, title: 'Đại hội Đảng bộ phường Thử', kind: 'members', opensOn: '2025-08-01', closesOn: '2025-08-01' })).json().id;
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await t.call(s, 'POST', `/api/congresses/${c}/checkins`, { delegateId: 1 })).statusCode);
      assert.deepEqual(codes, [404, 404, 404, 429]);
    } finally {
      await t.close();
    }
  });
});
