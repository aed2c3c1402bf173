// Votes and elections end to end on both engines: a chi bộ congress of 11 official members and one probationary member,
// 10 official members present — the worked case RULES.md quotes (base 10, at least 6 votes to be elected).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { freshDatabase, snapshotTables, testEngines } from '../../db/test-harness.js';
import { backupDatabase, restoreDatabase } from '../../db/backup.js';
import fs from 'node:fs';
import os from 'node:os';
import { applicationTables } from '../../db/database.js';
import { memberProfile, startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import { openSse, unzipEntry } from '../congress/congress.test-support.js';
import { libreOfficePath } from '../../docs/pdf-convert.js';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Phương', 'Đặng Văn Giang', 'Bùi Thị Hoa', 'Đỗ Văn Hùng', 'Ngô Thị Khánh', 'Dương Văn Long'];
const PROBATIONARY = 'Lý Thị Mai';
let idSeq = 0;
const clientId = () => `test-ballot-${String(++idSeq).padStart(8, '0')}-${Math.random().toString(36).slice(2, 10)}`;

for (const engine of testEngines) {
  describe(`votes and elections [${engine}]`, () => {
    let t: TestApp;
    let admin: Session;
    let orgId: number;
    let congressId: number;
    let base: string;
    /** delegate id and token by member name */
    const delegate = new Map<string, { id: number; token: string }>();
    const tokenOf = (name: string) => delegate.get(name)!.token;
    const present = NAMES.slice(0, 10);
    const api = (url: string) => `/api/congresses/${congressId}${url}`;

    before(async () => {
      t = await startTestApp(engine, { today: '2025-08-01' });
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId, '2020-01-01');
      const ward = await found('Đảng bộ phường Thử', 'commune', await found('Đảng bộ tỉnh Thử', 'province', null));
      orgId = await found('Chi bộ khu phố Thử', 'cell', ward);
      for (const name of NAMES) assert.equal((await t.call(admin, 'POST', `/api/orgs/${orgId}/members`, memberProfile(name))).statusCode, 201);
      assert.equal((await t.call(admin, 'POST', `/api/orgs/${orgId}/members`, memberProfile(PROBATIONARY, { admittedOn: '2025-03-01', officialOn: null }))).statusCode, 201);
      congressId = (await t.call(admin, 'POST', '/api/congresses', { orgId, title: 'Đại hội Chi bộ khu phố Thử nhiệm kỳ 2025–2027', kind: 'members', term: '2025-2027', opensOn: '2025-08-01', closesOn: '2025-08-01' })).json().id;
      assert.equal((await t.call(admin, 'POST', api('/delegates'), { allActiveMembers: true })).statusCode, 201);
      const tokens = (await t.call(admin, 'POST', api('/tokens'), { scope: 'all' })).json() as { delegateId: number; fullName: string; token: string }[];
      for (const x of tokens) delegate.set(x.fullName, { id: x.delegateId, token: x.token });
      for (const name of [...present, PROBATIONARY]) assert.equal((await t.call(admin, 'POST', api('/checkins'), { delegateId: delegate.get(name)!.id })).statusCode, 200);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(() => t.close());

    test('the bases: 11 official members convened, 10 may vote (the probationary member and the absent one may not)', async () => {
      const v = (await t.call(admin, 'GET', api('/voting'))).json();
      assert.deepEqual(v.bases, { convened: 11, electionBase: 11, present: 10 });
    });

    test('an open vote on phones: one vote each, idempotent resubmission, result with its base, closed for good', async () => {
      const bad = await t.call(admin, 'POST', api('/votes'), { subject: 'budget', question: 'Thông qua?' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /./);
      const created = await t.call(admin, 'POST', api('/votes'), { subject: 'agenda', question: 'Đại hội biểu quyết thông qua chương trình đại hội' });
      assert.equal(created.statusCode, 201, created.body);
      const voteId = created.json().id;
      const early = await t.call(null, 'POST', `/api/delegate/${tokenOf(NAMES[0])}/votes/${voteId}`, { clientBallotId: clientId(), choice: 'for' });
      assert.equal(early.json().error.code, 'POLL_NOT_OPEN');
      assert.equal((await t.call(admin, 'GET', api(`/votes/${voteId}/recount`))).json().error.code, 'POLL_NOT_CLOSED');
      assert.equal((await t.call(admin, 'GET', api('/votes/999999/recount'))).statusCode, 404);

      const events = await openSse(`${base}/api/delegate/${tokenOf(NAMES[0])}/events`);
      assert.equal((await t.call(admin, 'POST', api(`/votes/${voteId}/open`))).statusCode, 200);
      assert.equal((await t.call(admin, 'POST', api(`/votes/${voteId}/open`))).json().error.code, 'POLL_ALREADY_OPEN');

      assert.equal((await t.call(null, 'POST', `/api/delegate/${tokenOf(NAMES[10])}/votes/${voteId}`, { clientBallotId: clientId(), choice: 'for' })).json().error.code, 'NOT_CHECKED_IN');
      assert.equal((await t.call(null, 'POST', `/api/delegate/${tokenOf(PROBATIONARY)}/votes/${voteId}`, { clientBallotId: clientId(), choice: 'for' })).json().error.code, 'NOT_A_VOTER');
      const other = await t.call(null, 'POST', `/api/delegate/${tokenOf(NAMES[0])}/votes/${voteId}`, { clientBallotId: clientId(), choice: 'other' });
      assert.equal(other.statusCode, 400);

      // nine phones at once: 7 for, 2 against
      const ids = present.slice(0, 9).map(() => clientId());
      const answers = await Promise.all(present.slice(0, 9).map((name, i) => t.call(null, 'POST', `/api/delegate/${tokenOf(name)}/votes/${voteId}`, { clientBallotId: ids[i], choice: i < 7 ? 'for' : 'against' })));
      for (const a of answers) assert.equal(a.statusCode, 200, a.body);
      const receipts = answers.map((a) => a.json().receiptCode as string);
      assert.equal(new Set(receipts).size, 9);
      for (const r of receipts) assert.match(r, /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      // the phone lost the answer and sends the same ballot again: the same receipt, nothing new stored
      const again = await t.call(null, 'POST', `/api/delegate/${tokenOf(present[0])}/votes/${voteId}`, { clientBallotId: ids[0], choice: 'for' });
      assert.deepEqual(again.json(), { receiptCode: receipts[0], repeated: true });
      const second = await t.call(null, 'POST', `/api/delegate/${tokenOf(present[0])}/votes/${voteId}`, { clientBallotId: clientId(), choice: 'against' });
      assert.equal(second.statusCode, 409);
      assert.equal(second.json().error.code, 'ALREADY_VOTED');
      assert.equal((await t.call(admin, 'POST', api(`/votes/${voteId}/hand-count`), { for: 1, against: 0 })).json().error.code, 'VOTE_HAS_PHONE_BALLOTS');

      const phone = (await t.call(null, 'GET', `/api/delegate/${tokenOf(present[0])}/voting`)).json();
      assert.equal(phone.mayVote, true);
      assert.deepEqual(phone.votes.map((v: { id: number; iVoted: boolean; voted: number }) => [v.id, v.iVoted, v.voted]), [[voteId, true, 9]]);

      const closed = await t.call(admin, 'POST', api(`/votes/${voteId}/close`));
      assert.equal(closed.statusCode, 200, closed.body);
      const result = closed.json().result;
      assert.deepEqual(result.counts, { for: 7, against: 2, other: 0 });
      assert.deepEqual(result.base, { kind: 'convened', size: 11 });
      assert.equal(result.required, 6);
      assert.equal(result.adopted, true);
      assert.equal(result.method, 'phones');
      const seen = await events.waitFor((e) => e.data.type === 'vote.closed');
      assert.equal(seen.data.payload.vote.result.adopted, true);
      events.close();

      // the recount counts the stored ballots again against the base fixed at the close
      const recount = (await t.call(admin, 'GET', api(`/votes/${voteId}/recount`))).json();
      assert.deepEqual(recount, { matches: true, result });
      if (t.engine === 'sqlite') {
        const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'recount-vote', String(voteId)], {
          env: { ...process.env, DAIHOI_DATA: path.dirname(t.database.sqlitePath!), DATABASE_URL: '' },
          encoding: 'utf8',
        });
        assert.equal(cli.status, 0, cli.stderr);
        assert.match(cli.stdout, /tán thành 7, không tán thành 2/);
        assert.match(cli.stdout, /khớp với kết quả đã công bố/);
      }
      // a stored ballot altered behind the application's back: the recount says so
      const one = await t.database.db.selectFrom('cast_ballots').select('receipt_code').where('poll_kind', '=', 'vote').where('poll_id', '=', voteId).where('choice_json', '=', '"against"').executeTakeFirstOrThrow();
      await t.database.db.updateTable('cast_ballots').set({ choice_json: '"for"' }).where('receipt_code', '=', one.receipt_code).execute();
      const tampered = (await t.call(admin, 'GET', api(`/votes/${voteId}/recount`))).json();
      assert.equal(tampered.matches, false);
      assert.deepEqual(tampered.result.counts, { for: 8, against: 1, other: 0 });
      await t.database.db.updateTable('cast_ballots').set({ choice_json: '"against"' }).where('receipt_code', '=', one.receipt_code).execute();

      assert.equal((await t.call(null, 'POST', `/api/delegate/${tokenOf(present[9])}/votes/${voteId}`, { clientBallotId: clientId(), choice: 'for' })).json().error.code, 'POLL_NOT_OPEN');
      assert.equal((await t.call(admin, 'POST', api(`/votes/${voteId}/open`))).json().error.code, 'POLL_CLOSED');
      assert.equal((await t.call(admin, 'POST', api(`/votes/${voteId}/close`))).json().error.code, 'POLL_CLOSED');
      // an anonymous vote: nobody's choice is on record
      const stored = await t.database.db.selectFrom('cast_ballots').select('named_delegate_id').where('poll_kind', '=', 'vote').where('poll_id', '=', voteId).execute();
      assert.equal(stored.length, 9);
      assert.ok(stored.every((s) => s.named_delegate_id === null));
    });

    test('a named vote: after the close, who voted what, in the order of a Vietnamese list', async () => {
      const voteId = (await t.call(admin, 'POST', api('/votes'), { subject: 'other', question: 'Biểu quyết ghi danh về nhân sự', named: true })).json().id;
      await t.call(admin, 'POST', api(`/votes/${voteId}/open`));
      // Vietnamese lists go by given name: Bình, Cường, An → An, Bình, Cường
      const voters: [string, string][] = [
        [NAMES[1], 'for'],
        [NAMES[2], 'against'],
        [NAMES[0], 'for'],
      ];
      const sent = new Map<string, { id: string; receipt: string }>();
      for (const [name, choice] of voters) {
        const id = clientId();
        const r = await t.call(null, 'POST', `/api/delegate/${tokenOf(name)}/votes/${voteId}`, { clientBallotId: id, choice });
        assert.equal(r.statusCode, 200);
        sent.set(name, { id, receipt: r.json().receiptCode });
      }
      // another delegate who sends a copied ballot id is not told that ballot's receipt: their own vote is stored
      const copied = await t.call(null, 'POST', `/api/delegate/${tokenOf(NAMES[3])}/votes/${voteId}`, { clientBallotId: sent.get(NAMES[0])!.id, choice: 'against' });
      assert.equal(copied.statusCode, 200, copied.body);
      assert.equal(copied.json().repeated, false);
      assert.notEqual(copied.json().receiptCode, sent.get(NAMES[0])!.receipt);
      assert.equal((await t.call(admin, 'GET', api(`/votes/${voteId}`))).json().namedChoices, null, 'nothing is shown while the vote is open');
      assert.equal((await t.call(admin, 'POST', api(`/votes/${voteId}/close`))).statusCode, 200);
      // a phone whose answer was lost sends again after the close: it gets its receipt, nothing new is counted
      const late = await t.call(null, 'POST', `/api/delegate/${tokenOf(NAMES[1])}/votes/${voteId}`, { clientBallotId: sent.get(NAMES[1])!.id, choice: 'for' });
      assert.deepEqual(late.json(), { receiptCode: sent.get(NAMES[1])!.receipt, repeated: true });
      assert.equal((await t.call(null, 'POST', `/api/delegate/${tokenOf(NAMES[4])}/votes/${voteId}`, { clientBallotId: clientId(), choice: 'for' })).json().error.code, 'POLL_NOT_OPEN');
      const v = (await t.call(admin, 'GET', api(`/votes/${voteId}`))).json();
      assert.deepEqual(
        v.namedChoices.map((c: { fullName: string; choice: string; delegateId: number }) => [c.fullName, c.choice, c.delegateId]),
        [
          [NAMES[0], 'for', delegate.get(NAMES[0])!.id],
          [NAMES[1], 'for', delegate.get(NAMES[1])!.id],
          [NAMES[2], 'against', delegate.get(NAMES[2])!.id],
          [NAMES[3], 'against', delegate.get(NAMES[3])!.id],
        ],
      );
    });

    test('a show of hands counted by the secretariat, decided against those present', async () => {
      const voteId = (await t.call(admin, 'POST', api('/votes'), { subject: 'report', question: 'Thông qua báo cáo chính trị', allowsOther: true, rule: { numerator: 1, denominator: 2, base: 'present' } })).json().id;
      assert.equal((await t.call(admin, 'POST', api(`/votes/${voteId}/hand-count`), { for: 5, against: 3 })).json().error.code, 'POLL_NOT_OPEN');
      await t.call(admin, 'POST', api(`/votes/${voteId}/open`));
      const tooMany = await t.call(admin, 'POST', api(`/votes/${voteId}/hand-count`), { for: 8, against: 2, other: 1 });
      assert.equal(tooMany.statusCode, 400);
      assert.equal(tooMany.json().error.code, 'MORE_VOTES_THAN_PRESENT');
      assert.equal((await t.call(admin, 'POST', api(`/votes/${voteId}/hand-count`), { for: 5, against: 3, other: 2 })).statusCode, 200);
      const phone = await t.call(null, 'POST', `/api/delegate/${tokenOf(present[0])}/votes/${voteId}`, { clientBallotId: clientId(), choice: 'for' });
      assert.equal(phone.json().error.code, 'VOTE_BY_HANDS');
      const result = (await t.call(admin, 'POST', api(`/votes/${voteId}/close`))).json().result;
      assert.deepEqual(result.base, { kind: 'present', size: 10 });
      assert.equal(result.required, 6);
      assert.equal(result.adopted, false, '5 of 10 present is not more than half');
      assert.equal(result.method, 'hands');
    });

    let electionId: number;
    const candidateIds: Record<string, number> = {};
    const receiptOf = new Map<string, { code: string; chosen: string[] }>();

    test('a candidate list is refused with the reason; the check shows the ballot order', async () => {
      const noSurplus = await t.call(admin, 'POST', api('/elections/check'), { body: 'executive_committee', seats: 5, mode: 'electronic', candidates: NAMES.slice(0, 5).map((fullName) => ({ fullName })) });
      assert.equal(noSurplus.json().problem.code, 'SURPLUS_REQUIRED');
      assert.match(noSurplus.json().problem.message, /số dư/);
      const twoSecretaries = await t.call(admin, 'POST', api('/elections'), { body: 'secretary', seats: 2, mode: 'electronic', candidates: NAMES.slice(0, 2).map((fullName) => ({ fullName })) });
      assert.equal(twoSecretaries.statusCode, 409);
      assert.equal(twoSecretaries.json().error.code, 'SINGLE_SEAT');
      const tooMany = await t.call(admin, 'POST', api('/elections'), { body: 'executive_committee', seats: 5, mode: 'electronic', candidates: NAMES.slice(0, 8).map((fullName) => ({ fullName })) });
      assert.equal(tooMany.json().error.code, 'SURPLUS_TOO_LARGE');
      const ok = await t.call(admin, 'POST', api('/elections/check'), { body: 'executive_committee', seats: 5, mode: 'electronic', candidates: NAMES.slice(0, 6).map((fullName) => ({ fullName })) });
      assert.equal(ok.json().problem, null);
      // a draft can be removed; an opened election cannot
      const draft = (await t.call(admin, 'POST', api('/elections'), { body: 'secretary', seats: 1, mode: 'paper', candidates: [{ fullName: NAMES[0] }] })).json().id;
      assert.equal((await t.call(admin, 'DELETE', api(`/elections/${draft}`))).statusCode, 200);
      assert.equal((await t.call(admin, 'GET', api(`/elections/${draft}`))).statusCode, 404);
      // the secretary is elected by the new committee at its first meeting: not before there is one
      const secretary = (await t.call(admin, 'POST', api('/elections'), { body: 'secretary', seats: 1, mode: 'paper', candidates: [{ fullName: NAMES[0] }] })).json().id;
      const early = await t.call(admin, 'POST', api(`/elections/${secretary}/open`));
      assert.deepEqual([early.statusCode, early.json().error.code], [409, 'COMMITTEE_NOT_ELECTED']);
      await t.call(admin, 'DELETE', api(`/elections/${secretary}`));
      const opened = (await t.call(admin, 'POST', api('/elections'), { body: 'delegation', seats: 1, mode: 'paper', candidates: [{ fullName: NAMES[0] }] })).json().id;
      assert.equal((await t.call(admin, 'POST', api(`/elections/${opened}/open`))).statusCode, 200);
      assert.equal((await t.call(admin, 'DELETE', api(`/elections/${opened}`))).json().error.code, 'POLL_NOT_DRAFT');
      // ballots list candidates by given name: An, Bình, Cường, Dung, Em, Phương
      assert.deepEqual(ok.json().ballotOrder, ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Phương']);
    });

    test('an electronic election: ballots on phones, receipts, the threshold of more than half of the base (worked case: 5 of 10 is not elected)', async () => {
      const members = (await t.call(admin, 'GET', `/api/orgs/${orgId}/members?pageSize=50`)).json().items as { id: number; fullName: string }[];
      const memberId = (name: string) => members.find((m) => m.fullName === name)!.id;
      const r = await t.call(admin, 'POST', api('/elections'), { body: 'executive_committee', seats: 5, mode: 'electronic', candidates: NAMES.slice(0, 6).map((n) => ({ memberId: memberId(n) })) });
      assert.equal(r.statusCode, 201, r.body);
      electionId = r.json().id;
      const e = (await t.call(admin, 'GET', api(`/elections/${electionId}`))).json();
      for (const c of e.candidates) candidateIds[c.fullName] = c.id;
      assert.equal(e.title, 'Bầu Ban Chấp hành');
      assert.equal((await t.call(null, 'POST', `/api/delegate/${tokenOf(present[0])}/elections/${electionId}`, { clientBallotId: clientId(), chosen: [] })).json().error.code, 'POLL_NOT_OPEN');
      assert.equal((await t.call(admin, 'POST', api(`/elections/${electionId}/open`))).statusCode, 200);
      const phoneBefore = (await t.call(null, 'GET', `/api/delegate/${tokenOf(present[0])}/voting`)).json();
      assert.equal(phoneBefore.elections[0].tally, null, 'no tally on a phone before the close');

      // votes: An 10, Bình 9, Cường 8, Dung 6, Em 5, Phương 2 — each ballot keeps at most 5 names
      const [A, B, C, D, E, F] = NAMES.slice(0, 6);
      const ballots = present.map((_, i) => [A, ...(i < 9 ? [B] : []), ...(i < 8 ? [C] : []), ...(i < 6 ? [D] : []), ...(i >= 5 ? [E] : []), ...(i >= 8 ? [F] : [])]);
      const tooMany = await t.call(null, 'POST', `/api/delegate/${tokenOf(present[0])}/elections/${electionId}`, { clientBallotId: clientId(), chosen: NAMES.slice(0, 6).map((n) => candidateIds[n]) });
      assert.equal(tooMany.statusCode, 400, 'a phone cannot keep more names than seats');
      const notOnList = await t.call(null, 'POST', `/api/delegate/${tokenOf(present[0])}/elections/${electionId}`, { clientBallotId: clientId(), chosen: [999999] });
      assert.equal(notOnList.statusCode, 400);
      const answers = await Promise.all(
        present.map((name, i) => t.call(null, 'POST', `/api/delegate/${tokenOf(name)}/elections/${electionId}`, { clientBallotId: clientId(), chosen: ballots[i].map((n) => candidateIds[n]) })),
      );
      answers.forEach((a, i) => {
        assert.equal(a.statusCode, 200, a.body);
        receiptOf.set(present[i], { code: a.json().receiptCode, chosen: ballots[i] });
      });
      assert.equal((await t.call(admin, 'GET', api(`/elections/${electionId}/receipts`))).json().error.code, 'POLL_NOT_CLOSED', 'receipts are published after the close');

      const wrongExclusion = await t.call(admin, 'POST', api(`/elections/${electionId}/close`), { excluded: 2 });
      assert.equal(wrongExclusion.statusCode, 400);
      assert.equal(wrongExclusion.json().error.code, 'EXCLUDED_MORE_THAN_ABSENT');
      const closed = await t.call(admin, 'POST', api(`/elections/${electionId}/close`), { excluded: 1 });
      assert.equal(closed.statusCode, 200, closed.body);
      if (t.engine === 'sqlite') {
        // the write-ahead log held the ballots' group commits page by page in voting order, beside the audit rows: the
        // close empties it
        const wal = `${t.database.sqlitePath!}-wal`;
        assert.equal(fs.existsSync(wal) ? fs.statSync(wal).size : 0, 0, 'the WAL is empty after the close');
      }
      const tally = closed.json().tally;
      assert.equal(tally.base, 10);
      assert.equal(tally.threshold, 6);
      assert.deepEqual(tally.ballots, { total: 10, valid: 10, invalid: 0 });
      const votes = Object.fromEntries(tally.candidates.map((c: { fullName: string; votes: number }) => [c.fullName, c.votes]));
      assert.deepEqual(votes, { [A]: 10, [B]: 9, [C]: 8, [D]: 6, [E]: 5, [F]: 2 });
      assert.deepEqual(tally.elected, [A, B, C, D].map((n) => candidateIds[n]));
      assert.equal(tally.candidates.find((c: { fullName: string }) => c.fullName === E).outcome, 'not_elected');
      assert.equal(tally.nextStep, 'congress_decides');
      assert.equal(tally.unfilledSeats, 1);
      assert.equal(closed.json().ballotsIssued, 10);

      // every voter finds their receipt with their ballot as cast
      const published = (await t.call(null, 'GET', `/api/delegate/${tokenOf(present[3])}/elections/${electionId}/receipts`)).json().ballots as { receiptCode: string; chosen: string[] }[];
      assert.equal(published.length, 10);
      for (const [, mine] of receiptOf) {
        const found = published.find((p) => p.receiptCode === mine.code);
        assert.ok(found, `receipt ${mine.code} published`);
        assert.deepEqual([...found.chosen].sort(), [...mine.chosen].sort());
      }
      const recount = (await t.call(admin, 'GET', api(`/elections/${electionId}/recount`))).json();
      assert.equal(recount.matches, true);
      if (t.engine === 'sqlite') {
        // the recount command reads the same file (WAL lets it read while the server runs)
        const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'recount', String(electionId)], {
          env: { ...process.env, DAIHOI_DATA: path.dirname(t.database.sqlitePath!), DATABASE_URL: '' },
          encoding: 'utf8',
        });
        assert.equal(cli.status, 0, cli.stderr);
        assert.match(cli.stdout, /10 phiếu, 10 hợp lệ/);
        assert.match(cli.stdout, /khớp với kết quả đã công bố/);
      }
      assert.equal((await t.call(null, 'POST', `/api/delegate/${tokenOf(present[0])}/elections/${electionId}`, { clientBallotId: clientId(), chosen: [] })).json().error.code, 'POLL_NOT_OPEN');

      const leaders = (await t.call(admin, 'GET', `/api/orgs/${orgId}/leaders`)).json() as { body: string; fullName: string; position: number; sourceKind: string }[];
      assert.deepEqual(
        leaders.filter((l) => l.body === 'executive_committee').map((l) => l.fullName),
        [A, B, C, D],
      );

      // the congress decides to vote again on the seat left: a further round among those not elected
      const next = await t.call(admin, 'POST', api(`/elections/${electionId}/further-round`), {});
      assert.equal(next.statusCode, 201, next.body);
      const round2 = (await t.call(admin, 'GET', api(`/elections/${next.json().id}`))).json();
      assert.equal(round2.round, 2);
      assert.equal(round2.seats, 1);
      // no surplus rule in a further round: the list may go to the vote (open checks the same listProblem)
      assert.equal(round2.listProblem, null);
      assert.deepEqual(round2.candidates.map((c: { fullName: string }) => c.fullName).sort(), [E, F].sort());
      assert.equal((await t.call(admin, 'POST', api(`/elections/${electionId}/further-round`), {})).json().error.code, 'FURTHER_ROUND_EXISTS');
    });

    test('secrecy: nothing stored links a delegate to a choice', async () => {
      const db = t.database.db;
      const ballots = await db.selectFrom('cast_ballots').selectAll().where('poll_kind', '=', 'election').where('poll_id', '=', electionId).execute();
      assert.equal(ballots.length, 10);
      // the ballot row: a receipt code, a hash of the phone's ballot id, the choice — no voter, no time, no sequence
      assert.deepEqual(Object.keys(ballots[0]).sort(), ['choice_json', 'client_hash', 'named_delegate_id', 'poll_id', 'poll_kind', 'receipt_code']);
      assert.ok(ballots.every((b) => b.named_delegate_id === null));
      // the roster says who voted, nothing else
      const roster = await db.selectFrom('voter_roster').selectAll().where('poll_kind', '=', 'election').where('poll_id', '=', electionId).execute();
      assert.deepEqual(Object.keys(roster[0]).sort(), ['delegate_id', 'poll_id', 'poll_kind']);
      assert.deepEqual(roster.map((r) => r.delegate_id).sort((a, b) => a - b), present.map((n) => delegate.get(n)!.id).sort((a, b) => a - b));
      // no other table holds a receipt code or a ballot's client hash (audit log, events, anything)
      const secrets = ballots.flatMap((b) => [b.receipt_code, b.client_hash]);
      for (const table of await applicationTables(t.database)) {
        if (table === 'cast_ballots') continue;
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
        const text = JSON.stringify(rows.rows);
        for (const s of secrets) assert.ok(!text.includes(s), `${table} holds a ballot's receipt or id`);
      }
      // the audit log says who voted, never what
      const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'election.voted').where('entity_id', '=', String(electionId)).execute();
      assert.equal(audit.length, 10);
      assert.ok(audit.every((a) => a.before_json === null && a.after_json === null));
      // events before the close carry counts only
      const events = await db.selectFrom('congress_events').select(['type', 'payload_json']).where('congress_id', '=', congressId).where('type', '=', 'election.turnout').execute();
      assert.ok(events.length > 0);
      for (const e of events) assert.deepEqual(Object.keys(JSON.parse(e.payload_json)).sort(), ['kind', 'pollId', 'voted']);
      // storage order: no hidden rowid on SQLite; on PostgreSQL the close rewrote the ballots in one transaction, in receipt order
      if (t.engine === 'sqlite') {
        await assert.rejects(sql`select rowid from cast_ballots`.execute(db), /rowid/);
        await assert.rejects(sql`select rowid from voter_roster`.execute(db), /rowid/);
        // rows deleted by the close's rewrite are overwritten rather than left in free pages (the WAL: see the close)
        assert.equal(t.database.sqlite!.pragma('secure_delete', { simple: true }), 1);
      } else {
        const tx = await sql<{ n: string }>`select count(distinct xmin::text) as n from cast_ballots where poll_kind = 'election' and poll_id = ${electionId}`.execute(db);
        assert.equal(Number(tx.rows[0].n), 1, 'every ballot written by the one close transaction');
        const order = await sql<{ receipt_code: string }>`select receipt_code from cast_ballots where poll_kind = 'election' and poll_id = ${electionId} order by ctid`.execute(db);
        const codes = order.rows.map((r) => r.receipt_code);
        assert.deepEqual(codes, [...codes].sort(), 'physical order is receipt order (random), not the order of casting');
        // the row versions the close replaced are gone from the pages too (VACUUM after the close): no ballot version, live
        // or dead, carries the id of a transaction that wrote a roster row ("delegate N voted")
        await sql`create extension if not exists pageinspect`.execute(db);
        const castingTx = await sql<{ x: string }>`select distinct xmin::text as x from voter_roster where poll_kind = 'election' and poll_id = ${electionId}`.execute(db);
        assert.ok(castingTx.rows.length > 0);
        const versionsInPages = async () => {
          const pages = await sql<{ n: string }>`select pg_relation_size('cast_ballots') / current_setting('block_size')::int as n`.execute(db);
          const versions: string[] = [];
          for (let page = 0; page < Number(pages.rows[0].n); page++) {
            const items = await sql<{ t_xmin: string | null }>`select t_xmin::text from heap_page_items(get_raw_page('cast_ballots', ${page}::int))`.execute(db);
            for (const i of items.rows) if (i.t_xmin !== null) versions.push(i.t_xmin);
          }
          return versions;
        };
        const linked = (versions: string[]) => castingTx.rows.filter(({ x }) => versions.includes(x)).map(({ x }) => x);
        // a transaction of another test that began before the close holds the dead versions back: VACUUM (which the
        // server repeats after the close) removes them once it ends
        let versions = await versionsInPages();
        for (let i = 0; i < 60 && linked(versions).length; i++) {
          await new Promise((r) => setTimeout(r, 500));
          await sql`vacuum cast_ballots`.execute(db);
          versions = await versionsInPages();
        }
        assert.ok(versions.length >= 10, 'the pages hold the ballots');
        assert.deepEqual(linked(versions), [], 'a ballot version still carries a casting transaction');
      }
    });

    test('the counting minutes: DOCX in the Party format, PDF through LibreOffice', async () => {
      // the counting committee approved for the congress signs: its head on the right, the members on the left
      const committee = await t.call(admin, 'PUT', api('/working-bodies/counting_committee'), { members: [{ delegateId: delegate.get(NAMES[5])!.id, head: true }, { delegateId: delegate.get(NAMES[6])!.id }] });
      assert.equal(committee.statusCode, 200, committee.body);
      const docx = await t.call(admin, 'GET', api(`/elections/${electionId}/minutes.docx`));
      assert.equal(docx.statusCode, 200);
      const xml = unzipEntry(docx.rawPayload, 'word/document.xml')!;
      for (const s of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'BIÊN BẢN KIỂM PHIẾU', 'Bầu Ban Chấp hành', 'Số phiếu phát ra: 10', 'Số phiếu hợp lệ: 10', 'ít nhất 6 phiếu', 'Nguyễn Văn An', 'Không trúng cử', 'TRƯỞNG BAN KIỂM PHIẾU']) {
        assert.ok(xml.includes(s), `minutes hold "${s}"`);
      }
      assert.ok(xml.indexOf(NAMES[6]) < xml.indexOf('TRƯỞNG BAN KIỂM PHIẾU') && xml.indexOf('TRƯỞNG BAN KIỂM PHIẾU') < xml.lastIndexOf(NAMES[5]), 'members sign on the left, the head on the right');
      // the congress minutes record the decisions taken
      const congressXml = unzipEntry((await t.call(admin, 'GET', api('/minutes.docx'))).rawPayload, 'word/document.xml')!;
      assert.ok(congressXml.includes('Đại hội biểu quyết thông qua chương trình đại hội: 7 tán thành'), 'the open vote is in the congress minutes');
      assert.ok(congressXml.includes('đã được thông qua (cần ít nhất 6)'));
      assert.ok(congressXml.includes('Bầu Ban Chấp hành: 10 phiếu thu vào, 10 hợp lệ; trúng cử: Nguyễn Văn An (10 phiếu)'), 'the election is in the congress minutes');
      const draft = (await t.call(admin, 'POST', api('/elections'), { body: 'secretary', seats: 1, mode: 'paper', candidates: [{ fullName: 'Nguyễn Văn An' }] })).json().id;
      assert.equal((await t.call(admin, 'GET', api(`/elections/${draft}/minutes.docx`))).json().error.code, 'POLL_NOT_CLOSED');
      const pdf = await t.call(admin, 'GET', api(`/elections/${electionId}/minutes.pdf`));
      if (libreOfficePath()) {
        assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 200));
        assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      } else {
        assert.equal(pdf.statusCode, 501);
        assert.equal(pdf.json().error.code, 'PDF_CONVERTER_MISSING');
      }
    });

    test('the printed paper ballot: candidates in ballot order, names to cross out with surplus, agree / disagree boxes without, the space for the stamp', async () => {
      const names = ['Trần Thị Bình', 'Nguyễn Văn An', 'Lê Văn Cường'];
      const surplus = (await t.call(admin, 'POST', api('/elections'), { body: 'executive_committee', title: 'Bầu Ban Chấp hành khóa mới', seats: 2, mode: 'paper', surplusRounding: 'up', candidates: names.map((fullName) => ({ fullName })) })).json().id;
      const docx = await t.call(admin, 'GET', api(`/elections/${surplus}/ballot.docx`));
      assert.equal(docx.statusCode, 200, docx.body.slice(0, 200));
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);
      const xml = unzipEntry(docx.rawPayload, 'word/document.xml')!;
      for (const s of ['PHIẾU BẦU CỬ', 'BAN CHẤP HÀNH KHÓA MỚI', 'Đại hội bầu 2 đồng chí', 'Gạch ngang họ và tên người không bầu', 'nhiều hơn 2 tên', 'Dấu của Đoàn Chủ tịch']) assert.ok(xml.includes(s), `the ballot holds "${s}"`);
      assert.ok(!xml.includes('Không đồng ý'), 'no boxes on a list with surplus');
      assert.ok(xml.indexOf('Nguyễn Văn An') < xml.indexOf('Trần Thị Bình') && xml.indexOf('Trần Thị Bình') < xml.indexOf('Lê Văn Cường'), 'alphabetical by given name: An, Bình, Cường');
      // no surplus: agree / disagree boxes
      const exact = (await t.call(admin, 'POST', api('/elections'), { body: 'delegation', seats: 2, alternateSeats: 1, mode: 'paper', candidates: names.map((fullName) => ({ fullName })) })).json().id;
      const boxes = unzipEntry((await t.call(admin, 'GET', api(`/elections/${exact}/ballot.docx`))).rawPayload, 'word/document.xml')!;
      for (const s of ['Đồng ý', 'Không đồng ý', 'Đại hội bầu 2 đại biểu chính thức và 1 đại biểu dự khuyết']) assert.ok(boxes.includes(s), `the ballot holds "${s}"`);
      const pdf = await t.call(admin, 'GET', api(`/elections/${surplus}/ballot.pdf`));
      if (libreOfficePath()) assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      else assert.equal(pdf.json().error.code, 'PDF_CONVERTER_MISSING');
      for (const id of [surplus, exact]) await t.call(admin, 'DELETE', api(`/elections/${id}`));
      assert.equal((await t.call(admin, 'GET', api(`/elections/${surplus}/ballot.docx`))).statusCode, 404);
    });

    test('a paper election: two clerks enter the ballots, daihoi reconciles them, invalid ballots are counted and explained', async () => {
      const names = NAMES.slice(0, 6);
      const id = (await t.call(admin, 'POST', api('/elections'), { body: 'executive_committee', title: 'Bầu Ban Chấp hành (phiếu giấy)', seats: 5, mode: 'paper', candidates: names.map((fullName) => ({ fullName })) })).json().id;
      const e = (await t.call(admin, 'GET', api(`/elections/${id}`))).json();
      const cid = Object.fromEntries(e.candidates.map((c: { fullName: string; id: number }) => [c.fullName, c.id]));
      const kept = (...ns: string[]) => ({ kind: 'crossing', kept: ns.map((n) => cid[n]) });
      const paper = (clerk: string, ballots: unknown[]) => t.call(admin, 'POST', api(`/elections/${id}/paper-ballots`), { clerk, ballots });
      assert.equal((await paper('first', [{ ballotNo: 1, marks: kept(names[0]) }])).json().error.code, 'POLL_NOT_OPEN');
      await t.call(admin, 'POST', api(`/elections/${id}/open`));
      const unknown = await paper('first', [{ ballotNo: 1, marks: { kind: 'crossing', kept: [999999] } }]);
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.code, 'ENTRY_UNKNOWN_CANDIDATE');
      const ballots = [
        ...Array.from({ length: 8 }, (_, i) => ({ ballotNo: i + 1, marks: kept(...names.slice(0, 4), i % 2 ? names[4] : names[5]) })),
        { ballotNo: 9, stamped: false, marks: kept(names[0]) },
        { ballotNo: 10, marks: kept(...names) },
      ];
      assert.deepEqual((await paper('first', ballots)).json(), { clerk: 'first', entered: 10 });
      const slip = ballots.map((b) => (b.ballotNo === 3 ? { ...b, marks: kept(names[0]) } : b));
      await paper('second', slip);
      const rec = (await t.call(admin, 'GET', api(`/elections/${id}/reconciliation`))).json();
      assert.equal(rec.agreed, false);
      assert.deepEqual(rec.differences.map((d: { ballotNo: number; field: string }) => [d.ballotNo, d.field]), [[3, 'marks']]);
      const refused = await t.call(admin, 'POST', api(`/elections/${id}/close`), { ballotsIssued: 10 });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'ENTRIES_DISAGREE');
      await paper('second', [ballots[2]]);
      assert.equal((await t.call(admin, 'GET', api(`/elections/${id}/reconciliation`))).json().agreed, true);
      const noIssued = await t.call(admin, 'POST', api(`/elections/${id}/close`), {});
      assert.equal(noIssued.statusCode, 400);
      const closed = await t.call(admin, 'POST', api(`/elections/${id}/close`), { ballotsIssued: 10 });
      assert.equal(closed.statusCode, 200, closed.body);
      const tally = closed.json().tally;
      assert.deepEqual(tally.ballots, { total: 10, valid: 8, invalid: 2 });
      assert.deepEqual(
        tally.invalidBallots.map((b: { ballotNo: number; problems: { code: string }[] }) => [b.ballotNo, b.problems.map((p) => p.code)]),
        [
          [9, ['NOT_STAMPED']],
          [10, ['TOO_MANY_KEPT']],
        ],
      );
      // base 11 (nobody excluded): threshold 6; the four kept on every valid ballot are elected, the fifth seat is split 4/4
      assert.equal(tally.threshold, 6);
      assert.deepEqual(tally.elected, names.slice(0, 4).map((n) => cid[n]));
      assert.equal(tally.nextStep, 'congress_decides');
      assert.equal((await t.call(admin, 'GET', api(`/elections/${id}/recount`))).json().matches, true);
      assert.equal((await t.call(admin, 'GET', api(`/elections/${id}/receipts`))).json().error.code, 'NOT_ELECTRONIC_ELECTION');
      const committee = async () =>
        ((await t.call(admin, 'GET', `/api/orgs/${orgId}/leaders`)).json() as { body: string; fullName: string }[]).filter((l) => l.body === 'executive_committee').map((l) => l.fullName);
      assert.deepEqual(await committee(), names.slice(0, 4), 'a later election of the same body replaces the earlier one');
      // the congress votes again on the seat left: the round's elected join the first round's
      const round2 = (await t.call(admin, 'POST', api(`/elections/${id}/further-round`), {})).json().id;
      assert.equal((await t.call(admin, 'POST', api(`/elections/${round2}/open`))).statusCode, 200);
      const r2 = (await t.call(admin, 'GET', api(`/elections/${round2}`))).json();
      const fifth = r2.candidates.find((c: { fullName: string }) => c.fullName === names[4]).id;
      const r2ballots = Array.from({ length: 10 }, (_, i) => ({ ballotNo: i + 1, marks: { kind: 'crossing', kept: i < 7 ? [fifth] : [] } }));
      assert.equal((await t.call(admin, 'POST', api(`/elections/${round2}/paper-ballots`), { clerk: 'first', ballots: r2ballots })).statusCode, 200);
      const closed2 = await t.call(admin, 'POST', api(`/elections/${round2}/close`), { ballotsIssued: 10 });
      assert.equal(closed2.json().tally.nextStep, 'done', closed2.body);
      assert.deepEqual(await committee(), [...names.slice(0, 4), names[4]]);
    });

    test('at the new committee’s first meeting the committee elects the standing committee: its members vote, its size is the base', async () => {
      const committee = ((await t.call(admin, 'GET', `/api/orgs/${orgId}/leaders`)).json() as { body: string; fullName: string }[]).filter((l) => l.body === 'executive_committee').map((l) => l.fullName);
      assert.deepEqual(committee, NAMES.slice(0, 5), 'the committee elected by the paper ballot and its further round');
      const id = (await t.call(admin, 'POST', api('/elections'), { body: 'standing_committee', seats: 2, mode: 'electronic', surplusRounding: 'up', candidates: NAMES.slice(0, 3).map((fullName) => ({ fullName })) })).json().id;
      assert.equal((await t.call(admin, 'POST', api(`/elections/${id}/open`))).statusCode, 200);
      const e = (await t.call(admin, 'GET', api(`/elections/${id}`))).json();
      const cid = Object.fromEntries(e.candidates.map((c: { fullName: string; id: number }) => [c.fullName, c.id]));
      const vote = (name: string, chosen: string[]) => t.call(null, 'POST', `/api/delegate/${tokenOf(name)}/elections/${id}`, { clientBallotId: clientId(), chosen: chosen.map((n) => cid[n]) });
      // the phones say who gets a ballot
      const ballotFor = async (name: string) => ((await t.call(null, 'GET', `/api/delegate/${tokenOf(name)}/voting`)).json().elections as { id: number; mayVote: boolean }[]).find((x) => x.id === id)!.mayVote;
      assert.deepEqual([await ballotFor(NAMES[0]), await ballotFor(NAMES[6])], [true, false]);
      const outsider = await vote(NAMES[6], [NAMES[0]]);
      assert.deepEqual([outsider.statusCode, outsider.json().error.code], [403, 'NOT_A_COMMITTEE_MEMBER']);
      for (const name of NAMES.slice(0, 3)) assert.equal((await vote(name, [NAMES[0], NAMES[1]])).statusCode, 200);
      const closed = (await t.call(admin, 'POST', api(`/elections/${id}/close`), {})).json();
      // base 5 (the committee), threshold 3: the two chosen by the three voters are elected
      assert.deepEqual([closed.base, closed.tally.threshold, closed.ballotsIssued], [5, 3, 5]);
      assert.deepEqual(closed.tally.elected.map((x: number) => e.candidates.find((c: { id: number }) => c.id === x).fullName).sort(), [NAMES[0], NAMES[1]].sort());
    });

    test('a delegation tied at the official / alternate line and at the last alternate seat: two further rounds, the second for an alternate seat alone', async () => {
      const [A, B, C, D, E] = NAMES.slice(0, 5);
      // from the registry, except D, typed by name (the report then has no profile for D)
      const registry = (await t.call(admin, 'GET', `/api/orgs/${orgId}/members?pageSize=50`)).json().items as { id: number; fullName: string }[];
      const memberOf = (n: string) => registry.find((m) => m.fullName === n)!.id;
      const candidates = [A, B, C, D, E].map((n) => (n === D ? { fullName: n } : { memberId: memberOf(n) }));
      const id = (await t.call(admin, 'POST', api('/elections'), { body: 'delegation', seats: 2, alternateSeats: 2, mode: 'paper', candidates })).json().id;
      const paperRound = async (electionId: number, kept: (cid: Record<string, number>) => number[][]) => {
        assert.equal((await t.call(admin, 'POST', api(`/elections/${electionId}/open`))).statusCode, 200);
        const e = (await t.call(admin, 'GET', api(`/elections/${electionId}`))).json();
        const cid = Object.fromEntries(e.candidates.map((c: { fullName: string; id: number }) => [c.fullName, c.id]));
        const ballots = kept(cid).map((k, i) => ({ ballotNo: i + 1, marks: { kind: 'crossing', kept: k } }));
        assert.equal((await t.call(admin, 'POST', api(`/elections/${electionId}/paper-ballots`), { clerk: 'first', ballots })).statusCode, 200);
        const closed = await t.call(admin, 'POST', api(`/elections/${electionId}/close`), { ballotsIssued: 10 });
        assert.equal(closed.statusCode, 200, closed.body);
        return closed.json();
      };
      // every ballot keeps A; B and C are left out twice, D and E three times: A 10, B 8, C 8, D 7, E 7 (threshold 6)
      const omitted = [B, B, C, C, D, D, D, E, E, E];
      const first = await paperRound(id, (cid) => omitted.map((o) => [A, B, C, D, E].filter((n) => n !== o).map((n) => cid[n])));
      assert.equal(first.tally.nextStep, 'tie_round');
      assert.deepEqual(first.tally.elected.length, 1);
      assert.deepEqual(first.tally.ties.map((x: { cut: string; seats: number; alternateSeats: number }) => [x.cut, x.seats, x.alternateSeats]), [
        ['official_alternate', 1, 1],
        ['last_seat', 0, 1],
      ]);
      const leaders = async (body: string) => ((await t.call(admin, 'GET', `/api/orgs/${orgId}/leaders`)).json() as { body: string; fullName: string }[]).filter((l) => l.body === body).map((l) => l.fullName);
      assert.deepEqual(await leaders('delegation'), [A]);

      // the two rounds are prepared one after the other, in the order of the ties; a third is refused
      const lineRound = (await t.call(admin, 'POST', api(`/elections/${id}/further-round`), {})).json().id;
      const seatRound = (await t.call(admin, 'POST', api(`/elections/${id}/further-round`), {})).json().id;
      assert.equal((await t.call(admin, 'POST', api(`/elections/${id}/further-round`), {})).json().error.code, 'FURTHER_ROUND_EXISTS');
      const r2 = (await t.call(admin, 'GET', api(`/elections/${seatRound}`))).json();
      assert.deepEqual([r2.round, r2.seats, r2.alternateSeats, r2.listProblem], [2, 0, 1, null]);
      assert.deepEqual(r2.candidates.map((c: { fullName: string }) => c.fullName).sort(), [D, E].sort());
      // an alternate-only election is a further round's, never a first round's
      const zero = await t.call(admin, 'POST', api('/elections'), { body: 'delegation', seats: 0, alternateSeats: 1, mode: 'paper', candidates: [{ fullName: D }, { fullName: E }] });
      assert.equal(zero.json().error.code, 'SEATS_INVALID');

      const line = await paperRound(lineRound, (cid) => Array.from({ length: 10 }, (_, i) => (i < 6 ? [cid[B], cid[C]] : i < 7 ? [cid[B]] : [])));
      assert.equal(line.tally.nextStep, 'done', JSON.stringify(line.tally));
      const seat = await paperRound(seatRound, (cid) => Array.from({ length: 10 }, (_, i) => [cid[i < 7 ? D : E]]));
      assert.deepEqual([seat.tally.elected, seat.tally.alternates.length, seat.tally.nextStep], [[], 1, 'done']);
      // official: the first round's and the line round's first; alternates: the line round's second, then the seat round's
      assert.deepEqual(await leaders('delegation'), [A, B]);
      assert.deepEqual(await leaders('delegation_alternate'), [C, D]);

      // the result report to the higher committee covers the three ballots, asked from any of them
      for (const from of [id, seatRound]) {
        const report = await t.call(admin, 'GET', api(`/elections/${from}/report.docx`));
        assert.equal(report.statusCode, 200, report.body.slice(0, 300));
        assert.match(String(report.headers['content-disposition']), /bao-cao-ket-qua-bau-cu\.docx/);
        const xml = unzipEntry(report.rawPayload, 'word/document.xml')!;
        for (const s of ['BÁO CÁO', 'Kết quả bầu đại biểu dự Đại hội cấp trên', 'Kính gửi: Ban Thường vụ Đảng bộ phường Thử', 'qua 3 lần bỏ phiếu', '1. Đại biểu chính thức', `${B} (vòng 2)`, 'Tổng hợp trên 3/4', 'Nữ: 0 đồng chí (0%)', 'Dân tộc thiểu số: 0', 'T/M ĐOÀN CHỦ TỊCH']) {
          assert.ok(xml.includes(s), `the report holds "${s}"`);
        }
        // officials then alternates, each in order; the registry gives the year of birth, a typed name nothing
        assert.ok(xml.indexOf(A) < xml.indexOf(`${B} (vòng 2)`) && xml.indexOf(`${B} (vòng 2)`) < xml.indexOf(`${C} (vòng 2)`) && xml.indexOf(`${C} (vòng 2)`) < xml.indexOf(`${D} (vòng 2)`));
        assert.ok(xml.includes('>1980<'));
      }
      const draft = (await t.call(admin, 'POST', api('/elections'), { body: 'secretary', seats: 1, mode: 'paper', candidates: [{ fullName: A }] })).json().id;
      assert.equal((await t.call(admin, 'GET', api(`/elections/${draft}/report.docx`))).json().error.code, 'POLL_NOT_CLOSED');
      await t.call(admin, 'DELETE', api(`/elections/${draft}`));
    });

    test('the surplus, as the congress decides for each election: 10%–30% for the committee and standing committee, none required nor capped for the other bodies', async () => {
      const list = (n: number) => NAMES.slice(0, n).map((fullName) => ({ fullName }));
      const check = async (b: Record<string, unknown>) => {
        const r = await t.call(admin, 'POST', api('/elections/check'), { mode: 'paper', ...b });
        assert.equal(r.statusCode, 200, r.body);
        return r.json().problem?.code ?? 'ok';
      };
      const strict = await t.call(admin, 'POST', api('/elections'), { body: 'executive_committee', seats: 3, mode: 'paper', candidates: list(4) });
      assert.deepEqual([strict.statusCode, strict.json().error.code], [409, 'SURPLUS_UNSATISFIABLE']);
      assert.match(strict.json().error.message, /làm tròn/);
      const decided = await t.call(admin, 'POST', api('/elections'), { body: 'executive_committee', seats: 3, mode: 'paper', surplusRounding: 'up', candidates: list(4) });
      assert.equal(decided.statusCode, 201, decided.body);
      const e = (await t.call(admin, 'GET', api(`/elections/${decided.json().id}`))).json();
      assert.deepEqual([e.surplusRounding, e.surplusMinPercent, e.surplusMaxPercent, e.tieAtLastSeat, e.fewerElected, e.listProblem], ['up', 10, 30, 'further_round', 'vote_again', null]);
      await t.call(admin, 'DELETE', api(`/elections/${decided.json().id}`));
      // 3 of 5: over 30% for the committee unless the congress decides a larger maximum; the delegation and deputies have no maximum
      const cases: [Record<string, unknown>, string][] = [
        [{ body: 'executive_committee', seats: 3, candidates: list(5) }, 'SURPLUS_UNSATISFIABLE'],
        [{ body: 'executive_committee', seats: 3, candidates: list(5), surplusRounding: 'up' }, 'SURPLUS_TOO_LARGE'],
        [{ body: 'executive_committee', seats: 3, candidates: list(5), surplusMaxPercent: 70 }, 'ok'],
        [{ body: 'executive_committee', seats: 3, candidates: list(5), surplusMaxPercent: null }, 'ok'],
        [{ body: 'standing_committee', seats: 3, candidates: list(3), surplusMinPercent: 0, surplusMaxPercent: null }, 'SURPLUS_REQUIRED'],
        [{ body: 'delegation', seats: 3, candidates: list(5) }, 'ok'],
        [{ body: 'deputy_secretaries', seats: 3, candidates: list(5) }, 'ok'],
        [{ body: 'deputy_secretaries', seats: 2, candidates: list(2) }, 'ok'],
        [{ body: 'secretary', seats: 1, candidates: list(2) }, 'ok'],
        [{ body: 'secretary', seats: 1, candidates: list(2), surplusMaxPercent: 30 }, 'SURPLUS_TOO_LARGE'],
        [{ body: 'secretary', seats: 1, candidates: list(2), surplusMaxPercent: 30, surplusRounding: 'up' }, 'ok'],
        [{ body: 'inspection_committee', seats: 5, candidates: list(5), surplusMinPercent: 10 }, 'SURPLUS_REQUIRED'],
        [{ body: 'delegation', seats: 3, candidates: list(2) }, 'TOO_FEW_CANDIDATES'],
      ];
      for (const [b, code] of cases) assert.equal(await check(b), code, JSON.stringify({ ...b, candidates: (b.candidates as unknown[]).length }));
      const delegation = (await t.call(admin, 'POST', api('/elections'), { body: 'delegation', seats: 3, mode: 'paper', candidates: list(5) })).json().id;
      assert.deepEqual((({ surplusMinPercent, surplusMaxPercent }) => [surplusMinPercent, surplusMaxPercent])((await t.call(admin, 'GET', api(`/elections/${delegation}`))).json()), [0, null]);
      await t.call(admin, 'DELETE', api(`/elections/${delegation}`));
      // settings that contradict each other are bad input
      for (const bad of [{ surplusMinPercent: 40, surplusMaxPercent: 30 }, { surplusMinPercent: 101 }, { tieAtLastSeat: 'coin' }]) {
        const r = await t.call(admin, 'POST', api('/elections'), { body: 'executive_committee', seats: 3, mode: 'paper', candidates: list(4), ...bad });
        assert.equal(r.statusCode, 400, `${JSON.stringify(bad)}: ${r.body}`);
        assert.match(r.json().error.message, /./);
      }
      assert.equal((await t.call(admin, 'POST', api('/elections'), { body: 'executive_committee', seats: 3, mode: 'paper', candidates: list(4), surplusMinPercent: 40, surplusMaxPercent: 30 })).json().error.code, 'SURPLUS_SETTINGS_INVALID');
    });

    test('paper ballots entered by their crossed-out names; an entry that contradicts itself is refused whole (400); a tie at the last seat and too few elected as the congress decided', async () => {
      const names = NAMES.slice(0, 3);
      const make = (rules: Record<string, unknown>) =>
        t.call(admin, 'POST', api('/elections'), { body: 'delegation', title: `Bầu đại biểu ${JSON.stringify(rules)}`, seats: 2, mode: 'paper', candidates: names.map((fullName) => ({ fullName })), ...rules });
      const created = await make({ tieAtLastSeat: 'congress_decides', fewerElected: 'vote_again' });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.equal((await t.call(admin, 'POST', api(`/elections/${id}/open`))).statusCode, 200);
      const e = (await t.call(admin, 'GET', api(`/elections/${id}`))).json();
      const [a, b, c] = names.map((n) => e.candidates.find((x: { fullName: string }) => x.fullName === n).id as number);
      const paper = (ballots: unknown[]) => t.call(admin, 'POST', api(`/elections/${id}/paper-ballots`), { clerk: 'first', ballots });
      // each refused, and the good ballot sent with it is not stored either
      const contradictions: [unknown, string][] = [
        [{ kind: 'crossing' }, 'MARKS_MISSING'],
        [{ kind: 'crossing', agree: [a] }, 'MARKS_MIXED'],
        [{ kind: 'crossing', kept: [a], crossed: [b] }, 'MARKS_MIXED'],
        [{ kind: 'boxes', kept: [a] }, 'MARKS_MIXED'],
        [{ kind: 'boxes' }, 'MARKS_MISSING'],
        [{ kind: 'crossing', crossed: [a, a] }, 'ENTRY_DUPLICATE'],
        [{ kind: 'crossing', crossed: [999999] }, 'ENTRY_UNKNOWN_CANDIDATE'],
      ];
      for (const [marks, code] of contradictions) {
        const r = await paper([{ ballotNo: 1, marks: { kind: 'crossing', kept: [a] } }, { ballotNo: 2, marks }]);
        assert.deepEqual([r.statusCode, r.json().error.code], [400, code], `${JSON.stringify(marks)}: ${r.body}`);
        assert.match(r.json().error.message, /Phiếu số 2/);
      }
      assert.equal((await t.call(admin, 'GET', api(`/elections/${id}/paper-ballots?clerk=first`))).json().length, 0, 'nothing stored from a refused batch');
      // A on 8 ballots, B and C on 6 each: both over the threshold (6 of 11), tied for the last seat; entered by the name crossed out
      const ballots = [
        ...Array.from({ length: 8 }, (_, i) => ({ ballotNo: i + 1, marks: { kind: 'crossing', crossed: [i % 2 ? b : c] } })),
        { ballotNo: 9, marks: { kind: 'crossing', crossed: [a] } },
        { ballotNo: 10, marks: { kind: 'crossing', kept: [b, c] } },
      ];
      assert.deepEqual((await paper(ballots)).json(), { clerk: 'first', entered: 10 });
      const stored = (await t.call(admin, 'GET', api(`/elections/${id}/paper-ballots?clerk=first`))).json() as { ballot: { ballotNo: number; marks: { kind: string; kept: number[] } } }[];
      const one = stored.find((x) => x.ballot.ballotNo === 1)!.ballot.marks;
      assert.deepEqual([one.kind, [...one.kept].sort()], ['crossing', [a, b].sort()], 'ballot 1 crossed out C: A and B are kept');
      const closed = (await t.call(admin, 'POST', api(`/elections/${id}/close`), { ballotsIssued: 10 })).json();
      assert.deepEqual([closed.tally.elected, closed.tally.ties, closed.tally.unfilledSeats, closed.tally.nextStep], [[a], [], 1, 'congress_decides']);
      assert.deepEqual(closed.tally.candidates.filter((x: { outcome: string }) => x.outcome === 'tied').map((x: { candidateId: number }) => x.candidateId).sort(), [b, c].sort());
      assert.equal((await t.call(admin, 'GET', api(`/elections/${id}/recount`))).json().matches, true);
      // the congress votes again on the seat left: the tied stand again, with the same rules
      const round2 = (await t.call(admin, 'POST', api(`/elections/${id}/further-round`), {})).json().id;
      const r2 = (await t.call(admin, 'GET', api(`/elections/${round2}`))).json();
      assert.deepEqual([r2.seats, r2.candidates.map((x: { fullName: string }) => x.fullName).sort(), r2.tieAtLastSeat, r2.fewerElected], [1, [names[1], names[2]].sort(), 'congress_decides', 'vote_again']);
      await t.call(admin, 'DELETE', api(`/elections/${round2}`));

      // the same ballots, the congress having decided to leave seats empty: no further round
      const left = (await make({ tieAtLastSeat: 'congress_decides', fewerElected: 'leave_empty' })).json().id;
      await t.call(admin, 'POST', api(`/elections/${left}/open`));
      const e2 = (await t.call(admin, 'GET', api(`/elections/${left}`))).json();
      const map = new Map([a, b, c].map((x, i) => [x, e2.candidates.find((y: { fullName: string }) => y.fullName === names[i]).id as number]));
      const again = ballots.map((x) => ({ ...x, marks: { kind: 'crossing', ...('crossed' in x.marks ? { crossed: (x.marks.crossed as number[]).map((y) => map.get(y)) } : { kept: (x.marks.kept as number[]).map((y) => map.get(y)) }) } }));
      assert.equal((await t.call(admin, 'POST', api(`/elections/${left}/paper-ballots`), { clerk: 'first', ballots: again })).statusCode, 200);
      const leftClosed = (await t.call(admin, 'POST', api(`/elections/${left}/close`), { ballotsIssued: 10 })).json();
      assert.deepEqual([leftClosed.tally.elected.length, leftClosed.tally.unfilledSeats, leftClosed.tally.nextStep], [1, 1, 'seats_left_empty']);
      assert.equal((await t.call(admin, 'POST', api(`/elections/${left}/further-round`), {})).json().error.code, 'NO_FURTHER_ROUND');
      const minutes = unzipEntry((await t.call(admin, 'GET', api(`/elections/${left}/minutes.docx`))).rawPayload, 'word/document.xml')!;
      assert.ok(minutes.includes('theo quyết định của đại hội, không bầu tiếp'), 'the minutes say the seat stays empty');
    });

    test('bad input never answers 500: a name twice on a list, ids beyond the integer range, a decision dated on a day that does not exist', async () => {
      const twice = await t.call(admin, 'POST', api('/elections'), { body: 'deputy_secretaries', seats: 1, mode: 'paper', candidates: [{ fullName: NAMES[0] }, { fullName: ` ${NAMES[0].toLowerCase()} ` }] });
      assert.deepEqual([twice.statusCode, twice.json().error.code], [400, 'CANDIDATE_DUPLICATE']);
      const member = (await t.call(admin, 'GET', `/api/orgs/${orgId}/members?pageSize=50`)).json().items[0].id;
      const sameMember = await t.call(admin, 'POST', api('/elections/check'), { body: 'deputy_secretaries', seats: 1, mode: 'paper', candidates: [{ memberId: member }, { memberId: member }] });
      assert.deepEqual([sameMember.statusCode, sameMember.json().error.code], [400, 'CANDIDATE_DUPLICATE']);
      for (const url of [`/api/congresses/3000000000/elections/1`, api('/elections/3000000000'), api('/votes/3000000000')]) {
        const r = await t.call(admin, 'GET', url);
        assert.ok([400, 404].includes(r.statusCode), `${url}: ${r.statusCode} ${r.body}`);
      }
      const bigMember = await t.call(admin, 'POST', api('/elections'), { body: 'secretary', seats: 1, mode: 'paper', candidates: [{ memberId: 3000000000 }] });
      assert.ok([400, 404].includes(bigMember.statusCode), bigMember.body);
      const badDay = await t.call(admin, 'POST', api('/appointments'), { decisionNumber: '15-QĐ/ĐU', decisionDate: '2025-02-30', issuer: 'Ban Thường vụ', members: [{ body: 'secretary', fullName: NAMES[0] }] });
      assert.deepEqual([badDay.statusCode, badDay.json().error.code], [400, 'VALIDATION_FAILED']);
    });

    test('an appointment decision: recorded, the leaders updated, announced on the projector', async () => {
      const bad = await t.call(admin, 'POST', api('/appointments'), { decisionNumber: 'abc', decisionDate: '2025-07-01', issuer: 'Ban Thường vụ Đảng ủy phường', members: [{ body: 'secretary', fullName: NAMES[0] }] });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /2314-QĐ\/TU/);
      const two = await t.call(admin, 'POST', api('/appointments'), {
        decisionNumber: '15-QĐ/ĐU',
        decisionDate: '2025-07-01',
        issuer: 'Ban Thường vụ Đảng ủy phường',
        members: [
          { body: 'secretary', fullName: NAMES[0] },
          { body: 'secretary', fullName: NAMES[1] },
        ],
      });
      assert.equal(two.statusCode, 400);
      // the same person twice in one body (typed twice, or the same member twice) would inflate the committee: refused
      const member = (await t.call(admin, 'GET', `/api/orgs/${orgId}/members?pageSize=50`)).json().items[0] as { id: number; fullName: string };
      for (const members of [
        [{ body: 'executive_committee', fullName: NAMES[0] }, { body: 'executive_committee', fullName: NAMES[1] }, { body: 'executive_committee', fullName: ` ${NAMES[0].toUpperCase()}  ` }],
        [{ body: 'executive_committee', memberId: member.id, fullName: member.fullName }, { body: 'executive_committee', memberId: member.id, fullName: member.fullName }],
      ]) {
        const dup = await t.call(admin, 'POST', api('/appointments'), { decisionNumber: '16-QĐ/ĐU', decisionDate: '2025-07-01', issuer: 'Ban Thường vụ Đảng ủy phường', members });
        assert.deepEqual([dup.statusCode, dup.json().error.code], [400, 'APPOINTEE_DUPLICATE'], dup.body);
        assert.match(dup.json().error.message, /hai lần trong Ban Chấp hành/);
      }
      assert.equal((await t.call(admin, 'GET', api('/voting'))).json().appointments.some((x: { decisionNumber: string }) => x.decisionNumber === '16-QĐ/ĐU'), false);
      const r = await t.call(admin, 'POST', api('/appointments'), {
        decisionNumber: '15-QĐ/ĐU',
        decisionDate: '2025-07-01',
        issuer: 'Ban Thường vụ Đảng ủy phường',
        members: [
          { body: 'standing_committee', fullName: NAMES[0] },
          { body: 'standing_committee', fullName: NAMES[1] },
          { body: 'secretary', fullName: NAMES[0] },
          { body: 'deputy_secretaries', fullName: NAMES[1] },
        ],
      });
      assert.equal(r.statusCode, 201, r.body);
      const shown = await t.call(admin, 'POST', api('/projector/poll'), { kind: 'appointment', id: r.json().id });
      assert.deepEqual(shown.json().projector, { mode: 'appointment', text: null, documentId: null, pollId: r.json().id });
      const overview = (await t.call(admin, 'GET', api('/voting'))).json();
      const a = overview.appointments.find((x: { id: number }) => x.id === r.json().id);
      assert.ok(a.announcedAt);
      assert.equal(a.members.length, 4);
      const leaders = (await t.call(admin, 'GET', `/api/orgs/${orgId}/leaders`)).json() as { body: string; fullName: string; sourceKind: string }[];
      assert.deepEqual(leaders.filter((l) => l.body === 'secretary').map((l) => [l.fullName, l.sourceKind]), [[NAMES[0], 'appointment']]);
      assert.equal((await t.call(admin, 'PUT', `/api/congresses/${congressId}/projector`, { mode: 'vote' })).json().error.code, 'PROJECTOR_POLL_MODE');

      // the office corrects the decision: a deputy secretary was typed in the wrong list; the leaders follow
      const corrected = {
        decisionNumber: '16-QĐ/ĐU',
        decisionDate: '2025-07-02',
        issuer: 'Ban Thường vụ Đảng ủy phường Thử',
        members: [
          { body: 'standing_committee', fullName: NAMES[0] },
          { body: 'standing_committee', fullName: NAMES[1] },
          { body: 'secretary', fullName: NAMES[0] },
          { body: 'deputy_secretaries', fullName: NAMES[2] },
        ],
      };
      const put = (id: number, body: unknown) => t.call(admin, 'PUT', api(`/appointments/${id}`), body);
      assert.equal((await put(r.json().id, { ...corrected, decisionNumber: 'abc' })).statusCode, 400);
      assert.equal((await put(999999, corrected)).statusCode, 404);
      const edited = await put(r.json().id, corrected);
      assert.equal(edited.statusCode, 200, edited.body);
      assert.deepEqual([edited.json().decisionNumber, edited.json().decisionDate, edited.json().announcedAt], ['16-QĐ/ĐU', '2025-07-02', a.announcedAt]);
      const now = (await t.call(admin, 'GET', `/api/orgs/${orgId}/leaders`)).json() as { body: string; fullName: string; sourceKind: string }[];
      assert.deepEqual(now.filter((l) => l.body === 'deputy_secretaries').map((l) => l.fullName), [NAMES[2]]);
      assert.deepEqual(now.filter((l) => l.body === 'secretary').map((l) => l.fullName), [NAMES[0]]);
      const audit = await t.database.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'appointment.update').execute();
      assert.equal(audit.length, 1);
      assert.match(audit[0].before_json!, /15-QĐ\/ĐU/);

      // a later decision replaces the secretary: the earlier decision can no longer be corrected
      const later = await t.call(admin, 'POST', api('/appointments'), { decisionNumber: '20-QĐ/ĐU', decisionDate: '2025-07-10', issuer: 'Ban Thường vụ Đảng ủy phường Thử', members: [{ body: 'secretary', fullName: NAMES[3] }] });
      assert.equal(later.statusCode, 201);
      const refused = await put(r.json().id, corrected);
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'APPOINTMENT_SUPERSEDED');
      // the later decision itself can be corrected: its own secretary is replaced, the other bodies stay as they were
      assert.equal((await put(later.json().id, { ...corrected, decisionNumber: '20-QĐ/ĐU', decisionDate: '2025-07-10', members: [{ body: 'secretary', fullName: NAMES[4] }] })).statusCode, 200);
      const last = (await t.call(admin, 'GET', `/api/orgs/${orgId}/leaders`)).json() as { body: string; fullName: string; sourceKind: string }[];
      assert.deepEqual(last.filter((l) => l.body === 'secretary').map((l) => l.fullName), [NAMES[4]]);
      // the decision's own standing committee stays as it was (the one the committee elected later, on 1/8, stays too)
      assert.deepEqual(last.filter((l) => l.body === 'standing_committee' && l.sourceKind === 'appointment').map((l) => l.fullName), [NAMES[0], NAMES[1]]);
    });

    test('a backup keeps every vote, ballot, roster row, paper entry, appointment and leader, into either engine', async () => {
      const tables = ['open_votes', 'elections', 'election_candidates', 'voter_roster', 'cast_ballots', 'paper_ballot_entries', 'appointments', 'org_leaders'];
      const source = await snapshotTables(t.database, tables);
      assert.ok(tables.every((table) => source[table].length > 0), 'every voting table holds rows');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-voting-backup-'));
      try {
        const file = path.join(dir, 'backup.ndjson.gz');
        await backupDatabase(t.database, file);
        for (const to of testEngines) {
          const target = await freshDatabase(to);
          try {
            await restoreDatabase(target, file);
            assert.deepEqual(await snapshotTables(target, tables), source, `${t.engine} → ${to}`);
          } finally {
            await target.drop();
          }
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
