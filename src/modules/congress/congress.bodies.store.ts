// Kysely queries for the congress's working bodies: the members of each, and the open vote that approved it.
import type { Executor } from '../../db/types.js';
import { WORKING_BODIES, type WorkingBody, type WorkingBodyMember } from './congress.rules.js';

export interface WorkingBodyView {
  body: WorkingBody;
  members: WorkingBodyMember[];
  /** the latest closed show-of-hands vote on this body that adopted it, if any */
  approvedBy: { voteId: number; closedAt: string } | null;
}

/** every working body of a congress, in the order of WORKING_BODIES, members in the order announced */
export async function workingBodiesOf(db: Executor, congressId: number): Promise<WorkingBodyView[]> {
  const [rows, votes] = await Promise.all([
    db.selectFrom('congress_working_bodies').select(['body', 'delegate_id', 'full_name', 'is_head']).where('congress_id', '=', congressId).orderBy('body').orderBy('position').execute(),
    db
      .selectFrom('open_votes')
      .select(['id', 'subject', 'closed_at', 'result_json'])
      .where('congress_id', '=', congressId)
      .where('status', '=', 'closed')
      .where('subject', 'in', [...WORKING_BODIES])
      .orderBy('closed_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  return WORKING_BODIES.map((body) => {
    const vote = votes.find((v) => v.subject === body);
    const adopted = vote?.result_json ? (JSON.parse(vote.result_json) as { adopted?: boolean }).adopted === true : false;
    return {
      body,
      members: rows.filter((r) => r.body === body).map((r) => ({ delegateId: r.delegate_id, fullName: r.full_name, head: r.is_head === 1 })),
      approvedBy: vote && adopted ? { voteId: vote.id, closedAt: vote.closed_at! } : null,
    };
  });
}

/** the body's list replaced by the one given */
export async function replaceWorkingBody(db: Executor, congressId: number, body: WorkingBody, members: readonly WorkingBodyMember[], now: string): Promise<void> {
  await db.deleteFrom('congress_working_bodies').where('congress_id', '=', congressId).where('body', '=', body).execute();
  if (!members.length) return;
  await db
    .insertInto('congress_working_bodies')
    .values(members.map((m, i) => ({ congress_id: congressId, body, position: i + 1, delegate_id: m.delegateId, full_name: m.fullName.trim(), is_head: m.head ? 1 : 0, updated_at: now })))
    .execute();
}
