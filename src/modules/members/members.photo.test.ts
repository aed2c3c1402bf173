// Members' photos: what is accepted, how it is stored, and the delegate card that shows it — on both engines.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupDatabase, restoreDatabase } from '../../db/backup.js';
import { freshDatabase, testEngines } from '../../db/test-harness.js';
import { memberProfile, multipartFile, startTestApp, type Session, type TestApp } from '../../server/test-app.js';
import { PHOTO_MAX_BYTES, checkPhotoFile, detectPhotoType, photoTargetSize } from './members.photo.js';

/** a test picture: a gradient (so JPEG has something to encode) of this size */
async function picture(width: number, height: number, format: 'jpeg' | 'png', opts: { alpha?: boolean; orientation?: number } = {}) {
  const channels = opts.alpha ? 4 : 3;
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = 128;
      if (opts.alpha) raw[i + 3] = x < width / 2 ? 0 : 255;
    }
  const img = sharp(raw, { raw: { width, height, channels } });
  if (opts.orientation) img.withMetadata({ orientation: opts.orientation });
  return format === 'jpeg' ? img.jpeg({ quality: 90 }).toBuffer() : img.png().toBuffer();
}

describe('photo checks', () => {
  test('the type comes from the magic bytes, not the name', () => {
    assert.equal(detectPhotoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])), 'image/jpeg');
    assert.equal(detectPhotoType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
    assert.equal(detectPhotoType(Buffer.from('GIF89a......')), null);
    assert.equal(detectPhotoType(Buffer.from('%PDF-1.7')), null);
    assert.equal(detectPhotoType(Buffer.from([0xff, 0xd8])), null, 'too short to be a JPEG');
  });

  test('empty, too large and wrong-type files are refused in Vietnamese', () => {
    assert.equal(checkPhotoFile(Buffer.alloc(0))?.code, 'PHOTO_EMPTY');
    const big = Buffer.alloc(PHOTO_MAX_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    assert.equal(checkPhotoFile(big)?.code, 'PHOTO_TOO_LARGE');
    assert.match(checkPhotoFile(big)!.message, /tối đa 2 MB/);
    assert.equal(checkPhotoFile(Buffer.from('<html>ảnh</html>'))?.message, 'Ảnh phải là tệp JPEG hoặc PNG.');
    const exact = Buffer.alloc(PHOTO_MAX_BYTES);
    exact.set([0xff, 0xd8, 0xff]);
    assert.equal(checkPhotoFile(exact), null, '2 MB exactly is accepted');
  });

  test('the stored size: the largest 3:4 crop, at most 300 × 400, never enlarged', () => {
    const cases: [number, number, number, number][] = [
      [300, 400, 300, 400],
      [600, 800, 300, 400],
      [3000, 4000, 300, 400],
      [800, 600, 300, 400], // landscape: the middle 450 × 600
      [1000, 3000, 300, 400], // tall: 1000 × 1333
      [150, 200, 150, 200],
      [120, 500, 120, 160],
    ];
    for (const [w, h, ew, eh] of cases) assert.deepEqual(photoTargetSize(w, h), { width: ew, height: eh }, `${w} × ${h}`);
  });
});

for (const engine of testEngines) {
  describe(`members' photos [${engine}]`, () => {
    let t: TestApp;
    let clerk: Session;
    let viewer: Session;
    let cell: number;
    let withPhoto: number;
    let withoutPhoto: number;
    const put = (memberId: number, content: Buffer, filename = 'anh.jpg', who: Session = clerk) => {
      const m = multipartFile(content, filename);
      return t.app.inject({ method: 'PUT', url: `/api/members/${memberId}/photo`, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': m.contentType }, payload: m.payload });
    };
    const getPhoto = (memberId: number) => t.call(clerk, 'GET', `/api/members/${memberId}/photo`);

    before(async () => {
      t = await startTestApp(engine, { today: '2025-08-16' });
      const found = (name: string, kind: string, parentId: number | null) => t.foundOrg(admin, name, kind, parentId);
      await t.addUser('admin', [{ role: 'admin', orgId: null }]);
      const admin = await t.login('admin');
      const province = await found('Đảng bộ tỉnh Bắc Ninh', 'province', null);
      const ward = await found('Đảng bộ phường Từ Sơn', 'commune', province);
      cell = await found('Chi bộ khu phố Đông Ngàn', 'cell', ward);
      await t.addUser('clerk', [{ role: 'office', orgId: ward }]);
      await t.addUser('viewer', [{ role: 'viewer', orgId: ward }]);
      clerk = await t.login('clerk');
      viewer = await t.login('viewer');
      withPhoto = (await t.call(clerk, 'POST', `/api/orgs/${cell}/members`, memberProfile('Nguyễn Thị Hương', { gender: 'female' }))).json().id;
      withoutPhoto = (await t.call(clerk, 'POST', `/api/orgs/${cell}/members`, memberProfile('Trần Văn An'))).json().id;
    });
    after(() => t.close());

    test('a JPEG is stored cropped to 3:4, at most 300 × 400, as JPEG; the member shows it', async () => {
      const r = await put(withPhoto, await picture(1200, 900, 'jpeg'));
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual({ width: r.json().width, height: r.json().height }, { width: 300, height: 400 });
      const got = await getPhoto(withPhoto);
      assert.equal(got.statusCode, 200);
      assert.equal(got.headers['content-type'], 'image/jpeg');
      assert.match(String(got.headers['cache-control']), /private/);
      const meta = await sharp(got.rawPayload).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 300, 400]);
      assert.equal(meta.exif, undefined, 'no metadata from the camera is kept');
      const m = (await t.call(viewer, 'GET', `/api/members/${withPhoto}`)).json();
      assert.equal(m.photo.width, 300);
      assert.equal(m.photo.byteSize, got.rawPayload.length);
      assert.equal((await t.call(viewer, 'GET', `/api/members/${withoutPhoto}`)).json().photo, null);
      const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'member.photo.update').execute();
      assert.deepEqual(audit, [{ action: 'member.photo.update', entity_id: String(withPhoto) }]);
    });

    test('a phone photo taken sideways is turned upright; a PNG with transparency becomes a JPEG on white', async () => {
      // stored 400 × 300 with EXIF orientation 6 (rotate 90°): upright it is 300 × 400
      const sideways = await put(withoutPhoto, await picture(400, 300, 'jpeg', { orientation: 6 }));
      assert.equal(sideways.statusCode, 200, sideways.body);
      assert.deepEqual([sideways.json().width, sideways.json().height], [300, 400]);
      const png = await put(withoutPhoto, await picture(200, 260, 'png', { alpha: true }), 'anh.png');
      assert.equal(png.statusCode, 200, png.body);
      assert.deepEqual([png.json().width, png.json().height], [195, 260]);
      const stored = await sharp((await getPhoto(withoutPhoto)).rawPayload).raw().toBuffer({ resolveWithObject: true });
      assert.equal(stored.info.channels, 3);
      assert.ok(stored.data[0] > 240 && stored.data[1] > 240 && stored.data[2] > 240, 'the transparent corner is white');
    });

    test('bad files are refused with a Vietnamese message and nothing changes', async () => {
      const before = (await getPhoto(withPhoto)).rawPayload;
      const text = await put(withPhoto, Buffer.from('đây không phải ảnh'), 'anh.jpg');
      assert.equal(text.statusCode, 400);
      assert.deepEqual([text.json().error.code, text.json().error.message], ['PHOTO_TYPE', 'Ảnh phải là tệp JPEG hoặc PNG.']);
      const gif = await put(withPhoto, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'anh.gif');
      assert.equal(gif.json().error.code, 'PHOTO_TYPE');
      const broken = await put(withPhoto, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]), 'anh.jpg');
      assert.equal(broken.statusCode, 400);
      assert.equal(broken.json().error.code, 'PHOTO_UNREADABLE');
      assert.match(broken.json().error.message, /Không đọc được ảnh/);
      const tiny = await put(withPhoto, await picture(60, 80, 'png'), 'anh.png');
      assert.equal(tiny.json().error.code, 'PHOTO_TOO_SMALL');
      assert.match(tiny.json().error.message, /Ảnh quá nhỏ \(60 × 80 điểm ảnh\)/);
      const empty = await put(withPhoto, Buffer.alloc(0));
      assert.equal(empty.statusCode, 400);
      const noFile = await t.app.inject({ method: 'PUT', url: `/api/members/${withPhoto}/photo`, headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': 'application/json' }, payload: {} });
      assert.ok(noFile.statusCode >= 400 && noFile.statusCode < 500, noFile.body);
      assert.deepEqual((await getPhoto(withPhoto)).rawPayload, before, 'the old photo stays');
    });

    test('a file over 2 MB is refused (413) without storing it', async () => {
      const big = Buffer.concat([await picture(300, 400, 'jpeg'), Buffer.alloc(PHOTO_MAX_BYTES, 1)]);
      const r = await put(withPhoto, big);
      assert.equal(r.statusCode, 413, r.body);
      assert.equal(r.json().error.code, 'PHOTO_TOO_LARGE');
      assert.match(r.json().error.message, /^Ảnh quá lớn.*tối đa 2 MB/);
      assert.equal((await getPhoto(withPhoto)).statusCode, 200, 'the old photo stays');
    });

    test('only managers upload or remove; readers see it; a member with no photo is a 404', async () => {
      assert.equal((await put(withPhoto, await picture(300, 400, 'jpeg'), 'anh.jpg', viewer)).statusCode, 403);
      assert.equal((await t.call(viewer, 'GET', `/api/members/${withPhoto}/photo`)).statusCode, 200);
      assert.equal((await t.call(viewer, 'DELETE', `/api/members/${withPhoto}/photo`)).statusCode, 403);
      assert.equal((await put(999_999, await picture(300, 400, 'jpeg'))).statusCode, 404);
      const del = await t.call(clerk, 'DELETE', `/api/members/${withoutPhoto}/photo`);
      assert.deepEqual(del.json(), { deleted: true });
      assert.deepEqual((await t.call(clerk, 'DELETE', `/api/members/${withoutPhoto}/photo`)).json(), { deleted: false });
      const gone = await getPhoto(withoutPhoto);
      assert.equal(gone.statusCode, 404);
      assert.match(gone.json().error.message, /Không tìm thấy ảnh/);
    });

    test('the delegate card shows the photo when the member has one, an empty 3 × 4 frame otherwise', async () => {
      const congress = await t.call(clerk, 'POST', '/api/congresses', {
        orgId: cell,
        title: 'Đại hội Chi bộ khu phố Đông Ngàn nhiệm kỳ 2025–2027',
        kind: 'members',
        opensOn: '2025-08-20',
        closesOn: '2025-08-20',
      });
      assert.equal(congress.statusCode, 201, congress.body);
      const id = congress.json().id;
      assert.equal((await t.call(clerk, 'POST', `/api/congresses/${id}/delegates`, { allActiveMembers: true })).statusCode, 201);
      const delegates = (await t.call(clerk, 'GET', `/api/congresses/${id}/delegates`)).json() as { id: number; memberId: number }[];
      const print = async (memberIds: number[]) => {
        const r = await t.call(clerk, 'POST', `/api/congresses/${id}/cards.pdf`, { scope: 'selected', delegateIds: delegates.filter((d) => memberIds.includes(d.memberId)).map((d) => d.id) });
        assert.equal(r.statusCode, 200, r.body.slice(0, 300));
        return r.rawPayload.toString('latin1');
      };
      const both = await print([withPhoto, withoutPhoto]);
      assert.equal((both.match(/\/Type \/Page\b(?!s)/g) ?? []).length, 2);
      assert.equal((both.match(/\/Subtype \/Image/g) ?? []).length, 1, 'one photo: an image XObject');
      assert.match(both, /\/Filter \/DCTDecode/, 'the JPEG is embedded as it is stored');
      assert.equal((await print([withoutPhoto])).match(/\/Subtype \/Image/g), null, 'no photo: the frame only');

      // the delegate's own phone page shows the card's photo, through their token only
      const tokens = (await t.call(clerk, 'POST', `/api/congresses/${id}/tokens`, { scope: 'all' })).json() as { delegateId: number; token: string }[];
      const tokenOf = (memberId: number) => tokens.find((x) => x.delegateId === delegates.find((d) => d.memberId === memberId)!.id)!.token;
      const mine = (await t.call(null, 'GET', `/api/delegate/${tokenOf(withPhoto)}`)).json().me;
      assert.match(mine.photoUpdatedAt, /^\d{4}-\d{2}-\d{2}T/);
      const own = await t.call(null, 'GET', `/api/delegate/${tokenOf(withPhoto)}/photo`);
      assert.equal(own.statusCode, 200);
      assert.equal(own.headers['content-type'], 'image/jpeg');
      assert.deepEqual(own.rawPayload, (await getPhoto(withPhoto)).rawPayload);
      assert.equal((await t.call(null, 'GET', `/api/delegate/${tokenOf(withoutPhoto)}`)).json().me.photoUpdatedAt, null);
      assert.equal((await t.call(null, 'GET', `/api/delegate/${tokenOf(withoutPhoto)}/photo`)).statusCode, 404);
      assert.equal((await t.call(null, 'GET', `/api/delegate/${'x'.repeat(43)}/photo`)).statusCode, 401, 'an unknown card opens nothing');
    });

    test('a portable backup carries the photo byte for byte into either engine', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-photo-')), 'backup.ndjson.gz');
      const summary = await backupDatabase(t.database, file);
      assert.equal(summary.tables.member_photos, 1);
      for (const engine of testEngines) {
        const target = await freshDatabase(engine);
        try {
          await restoreDatabase(target, file);
          const row = await target.db.selectFrom('member_photos').select(['member_id', 'photo_base64']).executeTakeFirstOrThrow();
          assert.equal(row.member_id, withPhoto);
          assert.deepEqual(Buffer.from(row.photo_base64, 'base64'), (await getPhoto(withPhoto)).rawPayload);
        } finally {
          await target.drop();
        }
      }
    });
  });
}
