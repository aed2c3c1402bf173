// Kysely queries for the congress's working bodies: the members of each, and the open vote that approved it.
import type { Executor } from '../../db/types.js';
import { WORKING_BODIES, type WorkingBody, type WorkingBodyMember } from './congress.rules.js';
import type { WorkingBodyView } from './congress.types.js';

export type { WorkingBodyView } from './congress.types.js';

/** every working body of a congress, in the order of WORKING_BODIES, members in the order announced */
export async function workingBodiesOf(db: Executor, congressId: number): Promise<WorkingBodyView[]> {
  const [rows, votes] = await Promise.all([
    db.selectFrom('congress_working_bodies').select(['body', 'delegate_id', 'full_name', 'is_head', 'updated_at']).where('congress_id', '=', congressId).orderBy('body').orderBy('position').execute(),
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
    const members = rows.filter((r) => r.body === body);
    const changedAt = members.reduce((m, r) => (r.updated_at > m ? r.updated_at : m), '');
    // approved: the latest closed vote on the body adopted it, and the list has not changed since
    const vote = votes.find((v) => v.subject === body);
    const adopted = vote?.result_json ? (JSON.parse(vote.result_json) as { adopted?: boolean }).adopted === true : false;
    return {
      body,
      members: members.map((r) => ({ delegateId: r.delegate_id, fullName: r.full_name, head: r.is_head === 1 })),
      changedAt: changedAt || null,
      approvedBy: vote && adopted && members.length > 0 && vote.closed_at! >= changedAt ? { voteId: vote.id, closedAt: vote.closed_at! } : null,
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
