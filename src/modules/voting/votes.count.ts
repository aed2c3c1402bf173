// Counting an open vote from what is stored: the phones' ballots or the counts entered by hand. The close and the
// recount (`GET …/votes/:voteId/recount`, `daihoi recount-vote`) both call this, so a recount is the same computation on the same rows.
import type { Executor } from '../../db/types.js';
import { AppError } from '../../server/errors.js';
import { countOpenVotes, openVoteResult, type OpenVoteChoice, type OpenVoteCounts, type OpenVoteResult, type VoteBase } from './voting.rules.js';
import { ballotsOf, getOpenVote } from './voting.store.js';
import type { OpenVoteRow } from './voting.types.js';

export type CountedOpenVote = OpenVoteResult & { method: 'hands' | 'phones' };

/** the counts of a vote: entered by hand (cards raised in the hall), or the ballots cast on the phones */
export async function countOpenVote(db: Executor, v: OpenVoteRow): Promise<OpenVoteCounts> {
  if (v.handCounts) return v.handCounts;
  return countOpenVotes((await ballotsOf(db, 'vote', v.id)).map((b) => b.choice as OpenVoteChoice));
}

/** the result of a vote's counts against a base, with how they were counted */
export function openVoteOutcome(v: OpenVoteRow, counts: OpenVoteCounts, base: VoteBase): CountedOpenVote {
  return { ...openVoteResult(counts, base, v.rule), method: v.handCounts ? 'hands' : 'phones' };
}

export interface OpenVoteRecount {
  vote: OpenVoteRow;
  result: CountedOpenVote;
  /** the recount equals the result fixed at the close */
  matches: boolean;
}

/** counts a closed vote's stored ballots again against the base fixed at its close */
export async function recountOpenVote(db: Executor, congressId: number | null, voteId: number): Promise<OpenVoteRecount> {
  const owner = congressId ?? (await db.selectFrom('open_votes').select('congress_id').where('id', '=', voteId).executeTakeFirst())?.congress_id;
  const v = owner === undefined ? null : await getOpenVote(db, owner, voteId);
  if (!v) throw new AppError('NOT_FOUND', 404, 'Không tìm thấy cuộc biểu quyết.');
  if (v.status !== 'closed' || !v.result) throw new AppError('POLL_NOT_CLOSED', 409, 'Cuộc biểu quyết chưa kết thúc.');
  const result = openVoteOutcome(v, await countOpenVote(db, v), v.result.base);
  return { vote: v, result, matches: JSON.stringify(result) === JSON.stringify(v.result) };
}
