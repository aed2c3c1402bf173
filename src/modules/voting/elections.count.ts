// Counting an election from what is stored: the phones' ballots or the counting committee's entries. The close and the
// recount command (`daihoi recount`) both call this, so a recount is the same computation on the same rows.
import type { Executor } from '../../db/types.js';
import { AppError } from '../../server/errors.js';
import { electronicBallot, reconcileBallotEntries, tallyElection, type ElectionTally, type PaperBallot } from './elections.rules.js';
import { ballotsOf, paperEntriesOf, type ElectionRow } from './voting.store.js';
import { electionRules } from './voting.http.js';

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
  return tallyElection(electionRules(e), await ballotsToCount(db, e), base);
}
