// The documents of a closed election, answered as DOCX or (through LibreOffice) PDF: the counting minutes of one round,
// and the result report of the election with its further rounds.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readContext } from '../../server/request-context.js';
import { countingMinutesDocx, type CountingMinutesInput } from '../../docs/counting-minutes.js';
import { placeOf } from '../../docs/party-document.js';
import { docxToPdf } from '../../docs/pdf-convert.js';
import { getOrg } from '../orgs/orgs.store.js';
import { getCongress } from '../congress/congress.store.js';
import { ELECTION_TITLES, ballotOrder, runResult, type CandidateOutcome, type RunElected } from './elections.rules.js';
import { getElection, otherRoundsOfRun, type ElectionRow } from './voting.store.js';
import { electionReportDocx, type ElectionReportInput, type ReportedPerson } from '../../docs/election-report.js';
import { electionBallotDocx } from '../../docs/election-ballot.js';
import { composition } from '../congress/congress.rules.js';
import { workingBodiesOf } from '../congress/congress.bodies.store.js';
import { educationLabels, theoryLabels, type EducationLevel, type Gender, type TheoryLevel } from '../members/members.rules.js';
import type { Executor } from '../../db/types.js';

const OUTCOME: Record<CandidateOutcome, string> = { elected: 'Trúng cử', elected_alternate: 'Trúng cử dự khuyết', tied: 'Bằng phiếu', not_elected: 'Không trúng cử' };

export async function countingMinutesInput(request: FastifyRequest, e: ElectionRow): Promise<CountingMinutesInput> {
  const { db } = readContext(request);
  const c = (await getCongress(db, e.congressId))!;
  const org = (await getOrg(db, c.orgId))!;
  const parent = org.parentId ? await getOrg(db, org.parentId) : null;
  const tally = e.tally!;
  const counting = (await workingBodiesOf(db, c.id)).find((b) => b.body === 'counting_committee')!.members;
  const name = new Map(e.candidates.map((x) => [x.id, x.fullName]));
  const nextStep =
    tally.nextStep === 'tie_round'
      ? `Có ${tally.ties.reduce((n, t) => n + t.candidateIds.length, 0)} người bằng phiếu ở vị trí cuối; đại hội bầu tiếp trong số những người bằng phiếu.`
      : tally.nextStep === 'congress_decides'
        ? `Số người trúng cử chưa đủ số lượng (thiếu ${tally.unfilledSeats + tally.unfilledAlternateSeats}); đại hội thảo luận, quyết định bầu tiếp hoặc không.`
        : tally.nextStep === 'seats_left_empty'
          ? `Số người trúng cử chưa đủ số lượng (thiếu ${tally.unfilledSeats + tally.unfilledAlternateSeats}); theo quyết định của đại hội, không bầu tiếp.`
          : null;
  return {
    superiorBody: parent?.name ?? null,
    orgName: org.name,
    congressTitle: c.title,
    place: placeOf(org.name, org.adminUnit),
    date: (e.closedAt ?? c.closesOn).slice(0, 10),
    closedAt: e.closedAt!,
    electionTitle: e.title,
    bodyName: ELECTION_TITLES[e.body],
    round: e.round,
    mode: e.mode,
    seats: e.seats,
    alternateSeats: e.alternateSeats,
    candidates: e.candidates.length,
    base: tally.base,
    threshold: tally.threshold,
    ballotsIssued: e.ballotsIssued ?? tally.ballots.total,
    ballots: tally.ballots,
    invalidBallots: tally.invalidBallots.map((b) => ({ ballotNo: b.ballotNo, reasons: b.problems.map((p) => p.message) })),
    results: tally.candidates.map((r) => ({ fullName: r.fullName, votes: r.votes, percentOfValid: r.percentOfValid, percentOfBase: r.percentOfBase, outcome: OUTCOME[r.outcome] })),
    elected: tally.elected.map((id) => name.get(id)!),
    alternates: tally.alternates.map((id) => name.get(id)!),
    nextStep,
    countingCommittee: { head: counting.find((x) => x.head)?.fullName ?? null, members: counting.filter((x) => !x.head).map((x) => x.fullName) },
  };
}

/** the election and its further rounds, in the order they were held: the report covers them all */
async function roundsOfRun(db: Executor, e: ElectionRow): Promise<ElectionRow[]> {
  const ids = [e.id, ...(await otherRoundsOfRun(db, e.id))];
  const rows = await Promise.all(ids.map((id) => getElection(db, e.congressId, id)));
  return rows.filter((r): r is ElectionRow => r !== null).sort((a, b) => a.round - b.round || a.id - b.id);
}

/** the report of an election's run (roundsOfRun: the first round and its further rounds, in order) */
export async function electionReportInput(request: FastifyRequest, run: readonly ElectionRow[]): Promise<ElectionReportInput> {
  const { db } = readContext(request);
  const c = (await getCongress(db, run[0].congressId))!;
  const org = (await getOrg(db, c.orgId))!;
  const parent = org.parentId ? await getOrg(db, org.parentId) : null;
  const rounds = run.filter((r) => r.status === 'closed' && r.tally);
  const first = rounds[0];
  const result = runResult(first, rounds.map((r) => ({ round: r.round, tally: r.tally! })));
  const candidate = new Map(rounds.flatMap((r) => r.candidates.map((x) => [x.id, x] as const)));
  const memberIds = [...result.elected, ...result.alternates].map((x) => candidate.get(x.candidateId)?.memberId).filter((x): x is number => x != null);
  const profiles = new Map(
    memberIds.length
      ? (await db.selectFrom('members').select(['id', 'gender', 'birth_date', 'ethnicity', 'education', 'theory_level', 'position']).where('id', 'in', memberIds).execute()).map((m) => [m.id, m])
      : [],
  );
  const asOf = (rounds.at(-1)!.closedAt ?? c.closesOn).slice(0, 10);
  const person = (x: RunElected): ReportedPerson => {
    const cand = candidate.get(x.candidateId)!;
    const m = cand.memberId ? profiles.get(cand.memberId) : undefined;
    return {
      fullName: cand.fullName,
      birthYear: m ? m.birth_date.slice(0, 4) : null,
      female: m ? m.gender === 'female' : null,
      ethnicity: m ? m.ethnicity : null,
      education: m?.education ? educationLabels[m.education as EducationLevel] : null,
      theory: m?.theory_level ? theoryLabels[m.theory_level as TheoryLevel] : null,
      position: m?.position ?? null,
      votes: x.votes,
      percentOfBase: x.percentOfBase,
      round: x.round,
    };
  };
  const profiled = [...profiles.values()].map((m) => ({ gender: m.gender as Gender, birthDate: m.birth_date, ethnicity: m.ethnicity, education: m.education as EducationLevel | null, theoryLevel: m.theory_level as TheoryLevel | null }));
  const tally = first.tally!;
  return {
    superiorBody: parent?.name ?? null,
    orgName: org.name,
    congressTitle: c.title,
    place: placeOf(org.name, org.adminUnit),
    date: asOf,
    bodyName: ELECTION_TITLES[first.body].replace(/^Bầu /, ''),
    delegation: first.body === 'delegation',
    seats: first.seats,
    alternateSeats: first.alternateSeats,
    candidates: first.candidates.length,
    base: tally.base,
    threshold: tally.threshold,
    ballotsIssued: first.ballotsIssued ?? tally.ballots.total,
    ballots: tally.ballots,
    rounds: rounds.length,
    elected: result.elected.map(person),
    alternates: result.alternates.map(person),
    composition: composition(profiled, asOf),
    profiled: profiled.length,
    unfilledSeats: result.unfilledSeats,
    unfilledAlternateSeats: result.unfilledAlternateSeats,
  };
}

export type ElectionDocument = 'minutes' | 'report';

/** a closed election's document: the counting minutes of this round, or the result report of its whole run */
export async function electionDocumentReply(request: FastifyRequest, reply: FastifyReply, e: ElectionRow, document: ElectionDocument, format: 'docx' | 'pdf') {
  const { db } = readContext(request);
  // the report speaks for the election as the first round set it up; asked from a further round, it starts there too
  const run = document === 'report' ? await roundsOfRun(db, e) : [e];
  const firstRound = run[0];
  const docx = document === 'minutes' ? await countingMinutesDocx(await countingMinutesInput(request, e)) : await electionReportDocx(await electionReportInput(request, run));
  const file = `${document === 'minutes' ? 'Biên bản kiểm phiếu' : 'Báo cáo kết quả bầu cử'} - ${firstRound.title}.${format}`;
  const ascii = document === 'minutes' ? 'bien-ban-kiem-phieu' : 'bao-cao-ket-qua-bau-cu';
  const disposition = `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`;
  if (format === 'docx') return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', disposition).send(docx);
  return reply.type('application/pdf').header('content-disposition', disposition).send(await docxToPdf(docx));
}

/** the printed ballot of an election, to be stamped by the presidium: candidates in ballot order, crossed out or boxes */
export async function electionBallotReply(request: FastifyRequest, reply: FastifyReply, e: ElectionRow, format: 'docx' | 'pdf') {
  const { db } = readContext(request);
  const c = (await getCongress(db, e.congressId))!;
  const org = (await getOrg(db, c.orgId))!;
  const docx = await electionBallotDocx({
    orgName: org.name,
    congressTitle: c.title,
    electionTitle: e.title.replace(/ \(vòng \d+\)$/, ''),
    round: e.round,
    seats: e.seats,
    alternateSeats: e.alternateSeats,
    candidates: ballotOrder(e.candidates).map((x) => x.fullName),
    boxes: e.candidates.length === e.seats + e.alternateSeats,
  });
  const disposition = `attachment; filename="phieu-bau.${format}"; filename*=UTF-8''${encodeURIComponent(`Phiếu bầu - ${e.title}.${format}`)}`;
  if (format === 'docx') return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', disposition).send(docx);
  return reply.type('application/pdf').header('content-disposition', disposition).send(await docxToPdf(docx));
}
