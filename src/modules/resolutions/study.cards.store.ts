// Kysely queries for members' study cards: the signing key kept in `settings`, the members to print, a scan.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/types.js';
import { pathUpperBound } from '../orgs/orgs.rules.js';

const CARD_KEY = 'member_card_key';

/**
 * The key that signs members' card codes: 32 random bytes made on first use and kept in the database, so it
 * survives restarts, travels with a backup and is the same for every server process. Two processes making it
 * at once: the second insert does nothing and both read the first one's key.
 */
export async function memberCardKey(db: Executor, now: string): Promise<Buffer> {
  const read = async () => (await db.selectFrom('settings').select('value').where('key', '=', CARD_KEY).executeTakeFirst())?.value;
  let value = await read();
  if (value === undefined) {
    await db
      .insertInto('settings')
      .values({ key: CARD_KEY, value: randomBytes(32).toString('base64url'), created_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    value = (await read())!;
  }
  return Buffer.from(value, 'base64url');
}

/** the generation of a member's current study card (0 until it is first reissued) */
export async function studyCardGeneration(db: Executor, memberId: number): Promise<number> {
  const r = await db.selectFrom('member_study_cards').select('generation').where('member_id', '=', memberId).executeTakeFirst();
  return r?.generation ?? 0;
}

/** a new card for the member: the generation goes up (under the row's lock), the earlier cards stop verifying */
export async function reissueStudyCard(db: Executor, memberId: number, userId: number | null, now: string): Promise<number> {
  const r = await db
    .insertInto('member_study_cards')
    .values({ member_id: memberId, generation: 1, reissued_at: now, reissued_by: userId })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ generation: (eb) => eb('member_study_cards.generation', '+', 1), reissued_at: now, reissued_by: userId }))
    .returning('generation')
    .executeTakeFirstOrThrow();
  return r.generation;
}

/** the active members of a subtree (or those of them listed), in the Vietnamese order, with the unit they are in and their card's generation */
export async function membersForCards(db: Executor, path: string, ids: readonly number[] | undefined) {
  let q = db
    .selectFrom('members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .leftJoin('member_study_cards as sc', 'sc.member_id', 'm.id')
    .select(['m.id', 'm.full_name', 'm.card_number', 'o.name as org_name', 'sc.generation'])
    .where('m.status', '=', 'active')
    .where('o.path', '>=', path)
    .where('o.path', '<', pathUpperBound(path));
  if (ids) q = q.where('m.id', 'in', ids.length ? [...ids] : [0]);
  const rows = await q.orderBy('m.sort_key').orderBy('m.id').execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, cardNumber: r.card_number, orgName: r.org_name, generation: r.generation ?? 0 }));
}

/** a member with where they are now, for a scanned card */
export async function memberOfCard(db: Executor, id: number) {
  const r = await db
    .selectFrom('members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .leftJoin('member_study_cards as sc', 'sc.member_id', 'm.id')
    .select(['m.id', 'm.full_name', 'm.card_number', 'm.status', 'm.org_id', 'o.name as org_name', 'o.path as org_path', 'sc.generation'])
    .where('m.id', '=', id)
    .executeTakeFirst();
  return r ? { id: r.id, fullName: r.full_name, cardNumber: r.card_number, status: r.status, orgId: r.org_id, orgName: r.org_name, orgPath: r.org_path, generation: r.generation ?? 0 } : null;
}

/** records one scanned member; the unique (session, member) key makes a second scan, even a concurrent one, add nothing */
export async function recordScan(db: Executor, sessionId: number, memberId: number, recordedBy: number | null, now: string): Promise<boolean> {
  const rows = await db
    .insertInto('resolution_study_attendance')
    .values({ session_id: sessionId, member_id: memberId, recorded_via: 'qr', recorded_by: recordedBy, recorded_at: now })
    .onConflict((oc) => oc.columns(['session_id', 'member_id']).doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function attendeeCount(db: Executor, sessionId: number): Promise<number> {
  const { n } = await db.selectFrom('resolution_study_attendance').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
  return Number(n);
}
