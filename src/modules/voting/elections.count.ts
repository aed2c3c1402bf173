// Counting an election from what is stored: the phones' ballots or the counting committee's entries. The close and the
// recount command (`daihoi recount`) both call this, so a recount is the same computation on the same rows.
import type { Executor } from '../../db/types.js';
import { AppError } from '../../server/errors.js';
import { electronicBallot, reconcileBallotEntries, tallyElection, type ElectionTally, type PaperBallot } from './elections.rules.js';
import { ballotsOf, getElection, paperEntriesOf, type ElectionRow } from './voting.store.js';
import { electionRules, tallyRulesOf } from './voting.http.js';

/** the ballots to count: on phones, each cast ballot is a valid printed ballot keeping the names chosen; on paper, the first clerk's entries, which a second clerk's must match */
export async function ballotsToCount(db: Executor, e: ElectionRow): Promise<PaperBallot[]> {
  if (e.mode === 'electronic') {
    const cast = await ballotsOf(db, 'election', e.id);
    return cast.map((b, i) => electronicBallot(i + 1, b.choice as number[]));
  }
  const entries = await paperEntriesOf(db, e.id);
  const first = entries.filter((x) => x.clerk === 'first').map((x) => x.ballot);
  const second = entries.filter((x) => x.clerk === 'second').map((x) => x.ballot);
  if (second.length) {
    const r = reconcileBallotEntries(first, second);
    if (!r.agreed) {
      throw new AppError('ENTRIES_DISAGREE', 409, 'Hai người nhập phiếu chưa khớp nhau; Ban kiểm phiếu cần đối chiếu lại các phiếu lệch trước khi kết thúc.', r);
    }
  }
  return first;
}

/** the tally of the stored ballots against a base */
export async function countElection(db: Executor, e: ElectionRow, base: number): Promise<ElectionTally> {
  return tallyElection(electionRules(e), await ballotsToCount(db, e), base, tallyRulesOf(e));
}

export interface Recount {
  election: ElectionRow;
  tally: ElectionTally;
  /** the recount equals the result fixed at the close */
  matches: boolean;
}

/** counts a closed election's stored ballots again (the recount route and `daihoi recount`) */
export async function recountElection(db: Executor, congressId: number | null, electionId: number): Promise<Recount> {
  const owner = congressId ?? (await db.selectFrom('elections').select('congress_id').where('id', '=', electionId).executeTakeFirst())?.congress_id;
  const e = owner === undefined ? null : await getElection(db, owner, electionId);
  if (!e) throw new AppError('NOT_FOUND', 404, 'Không tìm thấy cuộc bầu cử.');
  if (e.status !== 'closed' || !e.tally || e.base === null) throw new AppError('POLL_NOT_CLOSED', 409, 'Cuộc bầu cử chưa kết thúc.');
  const tally = await countElection(db, e, e.base);
  return { election: e, tally, matches: JSON.stringify(tally) === JSON.stringify(e.tally) };
}
