// The printed credentials report (báo cáo thẩm tra tư cách đại biểu) on both engines: a congress of seven delegates with
// known profiles, three of them with an issue; the DOCX holds the figures, every table and the signature; the PDF is the same.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines } from '../../db/test-harness.js';
import { libreOfficePath } from '../../docs/pdf-convert.js';
import { memberProfile, startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import { unzipEntry } from './congress.test-support.js';

const TITLE = 'Đại hội đại biểu Đảng bộ phường Hòa Bình lần thứ I, nhiệm kỳ 2025–2030';
const NOTE = 'Đang bị xem xét kỷ luật';

// name → profile and place in the congress; ages and years in the Party as of the opening day, 2025-08-17
const DELEGATES = [
  { name: 'Nguyễn Văn An', origin: 'ex_officio', profile: { birthDate: '1980-01-15', education: 'bachelor', theoryLevel: 'advanced', admittedOn: '2000-05-20', officialOn: '2001-05-20' } },
  { name: 'Lê Thị Bình', profile: { gender: 'female', birthDate: '1996-03-01', ethnicity: 'Tày', education: 'master', theoryLevel: 'intermediate', admittedOn: '2018-01-10', officialOn: '2019-01-10' } },
  { name: 'Trần Thị Cúc', origin: 'appointed', profile: { gender: 'female', birthDate: '1960-05-05', education: 'doctor', theoryLevel: 'bachelor', admittedOn: '1985-03-03', officialOn: '1986-03-03' } },
  { name: 'Phạm Văn Dũng', profile: { birthDate: '1990-02-02', education: 'college', theoryLevel: 'elementary', admittedOn: '2012-06-01', officialOn: '2013-06-01' } },
  // probationary: official on no day yet
  { name: 'Hoàng Văn Em', profile: { birthDate: '2000-01-01', ethnicity: 'Mường', education: 'upper_secondary', theoryLevel: 'none', admittedOn: '2025-03-01', officialOn: null } },
  // leaves the registry after being picked
  { name: 'Đỗ Văn Phúc', profile: { birthDate: '1975-07-07', education: 'bachelor', theoryLevel: 'intermediate' } },
  { name: 'Vũ Thị Giang', class: 'alternate', note: NOTE, profile: { gender: 'female', birthDate: '1985-09-09', education: 'bachelor', theoryLevel: 'intermediate' } },
] as const;

/** the rows of every table in a DOCX body, each row as its cells' text */
function tableRows(xml: string): string[][] {
  const text = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => text(tc[0])));
}
/** the document's text, no-break spaces read as spaces */
const plain = (xml: string) => xml.replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ');

for (const engine of testEngines) {
  describe(`credentials report [${engine}]`, () => {
    let t: TestApp;
    let office: Session;
    let outsider: Session;
    let congressId: number;
    let eligibleCongressId: number;
    const delegateOf = new Map<string, number>();

    before(async () => {
      t = await startTestApp(engine, { today: '2025-08-16' });
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      const admin = await t.login('admin');
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      const province = await found('Đảng bộ tỉnh Thử', 'province', null);
      const ward = await found('Đảng bộ phường Hòa Bình', 'commune', province);
      const other = await found('Đảng bộ phường Khác', 'commune', province);
      await t.addUser('office', [{ role: 'office', orgId: ward }]);
      await t.addUser('outsider', [{ role: 'office', orgId: other }]);
      office = await t.login('office');
      outsider = await t.login('outsider');

      const memberOf = new Map<string, number>();
      for (const d of DELEGATES) {
        const r = await t.call(office, 'POST', `/api/orgs/${ward}/members`, memberProfile(d.name, d.profile));
        assert.equal(r.statusCode, 201, r.body);
        memberOf.set(d.name, r.json().id);
      }
      const create = (title: string) => t.call(office, 'POST', '/api/congresses', { orgId: ward, title, kind: 'delegates', opensOn: '2025-08-17', closesOn: '2025-08-18' });
      congressId = (await create(TITLE)).json().id;
      const picks = DELEGATES.map((d) => ({
        memberId: memberOf.get(d.name)!,
        class: 'class' in d ? d.class : 'official',
        origin: 'origin' in d ? d.origin : 'elected',
        eligibilityNote: 'note' in d ? d.note : null,
      }));
      const ids = (await t.call(office, 'POST', `/api/congresses/${congressId}/delegates`, { delegates: picks })).json().ids as number[];
      DELEGATES.forEach((d, i) => delegateOf.set(d.name, ids[i]));
      const left = await t.call(office, 'POST', `/api/members/${memberOf.get('Đỗ Văn Phúc')}/leave`, { effectiveOn: '2025-08-10', reason: 'transferred_out' });
      assert.equal(left.statusCode, 200, left.body);
      const committee = await t.call(office, 'PUT', `/api/congresses/${congressId}/working-bodies/credentials_committee`, {
        members: [{ delegateId: delegateOf.get('Phạm Văn Dũng'), head: true }, { delegateId: delegateOf.get('Lê Thị Bình') }, { fullName: 'Ngô Văn Khách' }],
      });
      assert.equal(committee.statusCode, 200, committee.body);
      for (const name of ['Nguyễn Văn An', 'Lê Thị Bình', 'Trần Thị Cúc', 'Phạm Văn Dũng']) {
        assert.equal((await t.call(office, 'POST', `/api/congresses/${congressId}/checkins`, { delegateId: delegateOf.get(name) })).statusCode, 200);
      }

      // a second congress: two eligible delegates, no credentials committee yet, nobody checked in
      eligibleCongressId = (await create('Đại hội đại biểu Đảng bộ phường Hòa Bình (bầu bổ sung)')).json().id;
      await t.call(office, 'POST', `/api/congresses/${eligibleCongressId}/delegates`, { delegates: ['Nguyễn Văn An', 'Trần Thị Cúc'].map((n) => ({ memberId: memberOf.get(n) })) });
    });
    after(() => t.close());

    const get = (url: string, who: Session = office) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

    test('the DOCX: header, legal basis, totals and attendance in the Party format', async () => {
      const r = await get(`/api/congresses/${congressId}/credentials.docx`);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.match(String(r.headers['content-disposition']), /attachment; filename="bao-cao-tham-tra-tu-cach\.docx"; filename\*=UTF-8''B%C3%A1o/);
      const text = plain(unzipEntry(r.rawPayload, 'word/document.xml')!);
      for (const s of [
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'ĐẢNG BỘ PHƯỜNG HÒA BÌNH',
        'BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU',
        'Số      -BC/ĐH',
        'Hòa Bình, ngày 17 tháng 08 năm 2025',
        'BÁO CÁO',
        `Thẩm tra tư cách đại biểu dự ${TITLE}`,
        'Căn cứ Điều lệ Đảng Cộng sản Việt Nam và Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 190-QĐ/TW, Ban Thẩm tra tư cách đại biểu (gồm 3 đồng chí)',
        'Tổng số đại biểu được triệu tập: 7 đồng chí, gồm 6 đại biểu chính thức và 1 đại biểu dự khuyết; trong đó có 1 đại biểu đương nhiên.',
        'Số đại biểu có mặt: 4 đồng chí, bằng 66,7% số đại biểu chính thức được triệu tập (6); vắng mặt: 2 đồng chí.',
        'không thấp hơn 2/3 số đại biểu chính thức được triệu tập (6), Đại hội đủ điều kiện tiến hành.',
        'Tuổi thấp nhất: 25; tuổi cao nhất: 65.',
        'Đại biểu là người dân tộc thiểu số: 2 đồng chí (28,6%).',
      ]) {
        assert.ok(text.includes(s), `the report holds "${s}"`);
      }
    });

    test('the DOCX: every composition table with counts and percents, the flagged delegates, the conclusion and the signature', async () => {
      const xml = unzipEntry((await get(`/api/congresses/${congressId}/credentials.docx`)).rawPayload, 'word/document.xml')!;
      const rows = tableRows(xml).map((r) => r.join(' | '));
      const expected = [
        // category
        '1 | Đại biểu đương nhiên (ủy viên cấp ủy triệu tập) | 1 | 14,3',
        '2 | Đại biểu do đại hội cấp dưới bầu | 5 | 71,4',
        '3 | Đại biểu được chỉ định | 1 | 14,3',
        // gender
        '1 | Nam | 4 | 57,1',
        '2 | Nữ | 3 | 42,9',
        // age bands: Em 25, Bình 29; Dũng 35; An 45, Giang 39 → 31–40 holds Dũng and Giang; Phúc 50; Cúc 65
        '1 | Từ 30 tuổi trở xuống | 2 | 28,6',
        '2 | Từ 31 đến 40 tuổi | 2 | 28,6',
        '3 | Từ 41 đến 50 tuổi | 2 | 28,6',
        '4 | Từ 51 đến 60 tuổi | 0 | 0',
        '5 | Trên 60 tuổi | 1 | 14,3',
        // ethnicity
        '1 | Kinh | 5 | 71,4',
        // education and political theory, with the registry's labels
        '1 | Tiến sĩ | 1 | 14,3',
        '2 | Thạc sĩ | 1 | 14,3',
        '3 | Đại học | 3 | 42,9',
        '6 | THPT | 1 | 14,3',
        '1 | Cử nhân | 1 | 14,3',
        '2 | Cao cấp | 1 | 14,3',
        '3 | Trung cấp | 3 | 42,9',
        '5 | Chưa qua đào tạo | 1 | 14,3',
        // years in the Party: Em 0, Bình 7; Dũng 13, Phúc 15, Giang 15; An 25; Cúc 40
        '1 | Dưới 10 năm | 2 | 28,6',
        '2 | Từ 10 đến dưới 20 năm | 3 | 42,9',
        '3 | Từ 20 đến dưới 30 năm | 1 | 14,3',
        '4 | Từ 30 năm trở lên | 1 | 14,3',
        // flagged, with the committee's note
        '1 | Hoàng Văn Em | Đảng viên dự bị (chưa có quyền biểu quyết, ứng cử, bầu cử) | Đề nghị Đại hội xem xét',
        '2 | Đỗ Văn Phúc | Không còn sinh hoạt đảng (đã ra khỏi danh sách đảng viên) | Đề nghị Đại hội xem xét',
        `3 | Vũ Thị Giang | Có vấn đề về tư cách | ${NOTE}`,
      ];
      for (const row of expected) assert.ok(rows.includes(row), `a table row "${row}"; rows: ${rows.join(' / ')}`);
      assert.ok(rows.filter((r) => r === ' | Cộng | 7 | 100').length === 7, 'seven composition tables, each with its total');
      assert.ok(rows.some((r) => r.startsWith('2 | Mường | 1') || r.startsWith('3 | Mường | 1')) && rows.some((r) => / \| Tày \| 1 \| 14,3$/.test(r)), 'the ethnic minorities');
      const text = plain(xml);
      for (const s of ['1. Thành phần đại biểu', '2. Giới tính', '3. Độ tuổi', '4. Dân tộc', '5. Trình độ học vấn, chuyên môn', '6. Trình độ lý luận chính trị', '7. Tuổi đảng', 'Qua thẩm tra, có 3 trường hợp cần Đại hội xem xét', 'Các đồng chí còn lại (4 đại biểu) đủ tư cách']) {
        assert.ok(text.includes(s), `the report holds "${s}"`);
      }
      assert.ok(text.includes('đề nghị Đại hội xác nhận tư cách đại biểu của 4 đồng chí; xem xét, quyết định đối với 3 trường hợp nêu tại mục III'), 'the conclusion');
      const sign = text.indexOf('T/M BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU');
      assert.ok(sign > text.indexOf('IV. Kết luận'), 'the signature closes the report');
      assert.equal(text.slice(sign), 'T/M BAN THẨM TRA TƯ CÁCH ĐẠI BIỂUTRƯỞNG BANPhạm Văn Dũng', 'signed by the head of the credentials committee');
    });

    test('all delegates eligible, no committee head, nobody checked in yet', async () => {
      const text = plain(unzipEntry((await get(`/api/congresses/${eligibleCongressId}/credentials.docx`)).rawPayload, 'word/document.xml')!);
      assert.ok(text.includes('Qua thẩm tra, tất cả 2 đại biểu được triệu tập đều đủ tư cách đại biểu dự Đại hội'), 'all eligible');
      assert.ok(text.includes('đề nghị Đại hội xác nhận tư cách đại biểu của 2 đồng chí đại biểu dự Đại hội'));
      assert.ok(text.includes('Số đại biểu có mặt tại Đại hội: ........ đồng chí (chưa có đại biểu nào điểm danh).'), 'attendance left to fill in');
      assert.ok(!text.includes('Vấn đề về tư cách'), 'no table of issues');
      assert.ok(text.endsWith('T/M BAN THẨM TRA TƯ CÁCH ĐẠI BIỂUTRƯỞNG BAN'), 'the head signs by hand when the committee has none');
      assert.ok(text.includes('Ban Thẩm tra tư cách đại biểu đã tiến hành'), 'no committee facts to state');
    });

    test('the PDF is the same document through LibreOffice, or 501 without it', async () => {
      const r = await get(`/api/congresses/${congressId}/credentials.pdf`);
      if (libreOfficePath()) {
        assert.equal(r.statusCode, 200, r.body.slice(0, 300));
        assert.equal(r.headers['content-type'], 'application/pdf');
        assert.equal(r.rawPayload.subarray(0, 5).toString(), '%PDF-');
        assert.match(String(r.headers['content-disposition']), /filename="bao-cao-tham-tra-tu-cach\.pdf"/);
      } else {
        assert.equal(r.statusCode, 501);
        assert.equal(r.json().error.code, 'PDF_CONVERTER_MISSING');
      }
    });

    test('an outsider is refused; an unknown congress is not found', async () => {
      for (const format of ['docx', 'pdf']) {
        const refused = await get(`/api/congresses/${congressId}/credentials.${format}`, outsider);
        assert.deepEqual([refused.statusCode, refused.json().error.code], [403, 'FORBIDDEN']);
        const missing = await get(`/api/congresses/999999/credentials.${format}`);
        assert.deepEqual([missing.statusCode, missing.json().error.code], [404, 'NOT_FOUND']);
        assert.equal((await t.app.inject({ method: 'GET', url: `/api/congresses/${congressId}/credentials.${format}` })).statusCode, 401);
      }
    });
  });
}
