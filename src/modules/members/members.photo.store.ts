import type { Executor } from '../../db/types.js';

export interface MemberPhotoInfo {
  width: number;
  height: number;
  byteSize: number;
  updatedAt: string;
}

export async function memberPhotoInfo(db: Executor, memberId: number): Promise<MemberPhotoInfo | null> {
  const r = await db.selectFrom('member_photos').select(['width', 'height', 'byte_size', 'updated_at']).where('member_id', '=', memberId).executeTakeFirst();
  return r ? { width: r.width, height: r.height, byteSize: r.byte_size, updatedAt: r.updated_at } : null;
}

export async function memberPhoto(db: Executor, memberId: number): Promise<{ contentType: string; bytes: Buffer; updatedAt: string } | null> {
  const r = await db.selectFrom('member_photos').select(['content_type', 'photo_base64', 'updated_at']).where('member_id', '=', memberId).executeTakeFirst();
  return r ? { contentType: r.content_type, bytes: Buffer.from(r.photo_base64, 'base64'), updatedAt: r.updated_at } : null;
}

/** the photos of these members (those that have one), for printing cards */
export async function memberPhotos(db: Executor, memberIds: readonly number[]): Promise<Map<number, Buffer>> {
  const out = new Map<number, Buffer>();
  const ids = [...new Set(memberIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('member_photos').select(['member_id', 'photo_base64']).where('member_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.member_id, Buffer.from(r.photo_base64, 'base64'));
  }
  return out;
}

export async function saveMemberPhoto(db: Executor, memberId: number, jpeg: Buffer, size: { width: number; height: number }, now: string): Promise<void> {
  const row = { content_type: 'image/jpeg', photo_base64: jpeg.toString('base64'), width: size.width, height: size.height, byte_size: jpeg.length, updated_at: now };
  await db
    .insertInto('member_photos')
    .values({ member_id: memberId, ...row })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(row))
    .execute();
}

export async function deleteMemberPhoto(db: Executor, memberId: number): Promise<boolean> {
  const r = await db.deleteFrom('member_photos').where('member_id', '=', memberId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
