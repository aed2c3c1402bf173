import type { Executor } from '../../db/types.js';
import { pathUpperBound } from '../orgs/orgs.rules.js';
import type { AttendanceVia, RosterMember, StudyUnit } from './study.rules.js';

export interface StudySessionInput {
  orgId: number;
  heldOn: string;
  place: string;
  form: string;
  note: string | null;
}

export async function insertStudySession(db: Executor, resolutionId: number, s: StudySessionInput, now: string): Promise<number> {
  const r = await db
    .insertInto('resolution_study_sessions')
    .values({ resolution_id: resolutionId, org_id: s.orgId, held_on: s.heldOn, place: s.place, form: s.form, note: s.note, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const sessionColumns = ['s.id', 's.resolution_id', 's.org_id', 'o.name as org_name', 'o.path as org_path', 's.held_on', 's.place', 's.form', 's.note'] as const;
type SessionRow = { id: number; resolution_id: number; org_id: number; org_name: string; org_path: string; held_on: string; place: string; form: string; note: string | null };
const toSession = (r: SessionRow) => ({ id: r.id, resolutionId: r.resolution_id, orgId: r.org_id, orgName: r.org_name, orgPath: r.org_path, heldOn: r.held_on, place: r.place, form: r.form, note: r.note });
export type StudySession = ReturnType<typeof toSession>;

export async function getStudySession(db: Executor, id: number): Promise<StudySession | null> {
  const r = await db.selectFrom('resolution_study_sessions as s').innerJoin('organizations as o', 'o.id', 's.org_id').select(sessionColumns).where('s.id', '=', id).executeTakeFirst();
  return r ? toSession(r) : null;
}

/** the sessions of a resolution, latest first, with how many attended each */
export async function listStudySessions(db: Executor, resolutionId: number) {
  const rows = await db
    .selectFrom('resolution_study_sessions as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .leftJoin('resolution_study_attendance as a', 'a.session_id', 's.id')
    .select(sessionColumns)
    .select((eb) => eb.fn.count<number>('a.id').as('attendees'))
    .where('s.resolution_id', '=', resolutionId)
    .groupBy(['s.id', 's.resolution_id', 's.org_id', 'o.name', 'o.path', 's.held_on', 's.place', 's.form', 's.note'])
    .orderBy('s.held_on', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  return rows.map((r) => {
    const { orgPath: _p, ...s } = toSession(r);
    return { ...s, attendees: Number(r.attendees) };
  });
}

export async function sessionAttendees(db: Executor, sessionId: number) {
  const rows = await db
    .selectFrom('resolution_study_attendance as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.full_name', 'm.card_number', 'o.name as org_name', 'a.recorded_via', 'a.recorded_at'])
    .where('a.session_id', '=', sessionId)
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ memberId: r.id, fullName: r.full_name, cardNumber: r.card_number, orgName: r.org_name, via: r.recorded_via as AttendanceVia, recordedAt: r.recorded_at }));
}

/** the active members of a subtree: who may attend a session held there */
export async function rosterWithin(db: Executor, path: string): Promise<RosterMember[]> {
  const rows = await db
    .selectFrom('members as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.full_name', 'm.card_number'])
    .where('m.status', '=', 'active')
    .where('o.path', '>=', path)
    .where('o.path', '<', pathUpperBound(path))
    .execute();
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, cardNumber: r.card_number }));
}

/** of these member ids, those that are active members of the subtree */
export async function activeMembersWithin(db: Executor, path: string, ids: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('members as m')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .select('m.id')
      .where('m.id', 'in', ids.slice(i, i + 500))
      .where('m.status', '=', 'active')
      .where('o.path', '>=', path)
      .where('o.path', '<', pathUpperBound(path))
      .execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** records attendance; members already recorded for the session are left as they were. Returns the ids added. */
export async function recordAttendance(db: Executor, sessionId: number, memberIds: readonly number[], via: AttendanceVia, recordedBy: number | null, now: string): Promise<number[]> {
  const unique = [...new Set(memberIds)];
  const already = new Set<number>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('resolution_study_attendance').select('member_id').where('session_id', '=', sessionId).where('member_id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) already.add(r.member_id);
  }
  const added = unique.filter((id) => !already.has(id));
  for (let i = 0; i < added.length; i += 500) {
    await db
      .insertInto('resolution_study_attendance')
      .values(added.slice(i, i + 500).map((member_id) => ({ session_id: sessionId, member_id, recorded_via: via, recorded_by: recordedBy, recorded_at: now })))
      .execute();
  }
  return added;
}

/** takes a member off a session's attendance (recorded by mistake); false when they were not on it */
export async function removeAttendance(db: Executor, sessionId: number, memberId: number): Promise<boolean> {
  const r = await db.deleteFrom('resolution_study_attendance').where('session_id', '=', sessionId).where('member_id', '=', memberId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** removes a session that nobody attended; false when it has attendance (nothing is removed then) */
export async function deleteUnattendedSession(db: Executor, sessionId: number): Promise<boolean> {
  const attended = await db.selectFrom('resolution_study_attendance').select('member_id').where('session_id', '=', sessionId).limit(1).executeTakeFirst();
  if (attended) return false;
  await db.deleteFrom('resolution_study_sessions').where('id', '=', sessionId).execute();
  return true;
}

/** every open unit of a subtree with its active members and how many of them attended a session of the resolution */
export async function studyUnitsWithin(db: Executor, resolutionId: number, path: string): Promise<(StudyUnit & { name: string; depth: number })[]> {
  const upper = pathUpperBound(path);
  const [orgs, studied] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['id', 'parent_id', 'name', 'depth', 'direct_member_count', 'path'])
      .where('path', '>=', path)
      .where('path', '<', upper)
      .where('closed_on', 'is', null)
      .orderBy('path')
      .execute(),
    db
      .selectFrom('resolution_study_attendance as a')
      .innerJoin('resolution_study_sessions as s', 's.id', 'a.session_id')
      .innerJoin('members as m', 'm.id', 'a.member_id')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .select(['m.org_id', (eb) => eb.fn.count<number>('a.member_id').distinct().as('studied')])
      .where('s.resolution_id', '=', resolutionId)
      .where('m.status', '=', 'active')
      .where('o.path', '>=', path)
      .where('o.path', '<', upper)
      .groupBy('m.org_id')
      .execute(),
  ]);
  const studiedBy = new Map(studied.map((r) => [r.org_id, Number(r.studied)]));
  return orgs.map((o) => ({ id: o.id, parentId: o.parent_id, name: o.name, depth: o.depth, direct: { members: Number(o.direct_member_count), studied: studiedBy.get(o.id) ?? 0 } }));
}
