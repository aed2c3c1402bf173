// The counting minutes of a closed election, answered as DOCX or (through LibreOffice) PDF.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readContext } from '../../server/request-context.js';
import { countingMinutesDocx, type CountingMinutesInput } from '../../docs/counting-minutes.js';
import { placeOf } from '../../docs/party-document.js';
import { docxToPdf } from '../../docs/pdf-convert.js';
import { getOrg } from '../orgs/orgs.store.js';
import { getCongress } from '../congress/congress.store.js';
import { ELECTION_TITLES, type CandidateOutcome } from './elections.rules.js';
import type { ElectionRow } from './voting.store.js';

const OUTCOME: Record<CandidateOutcome, string> = { elected: 'Trúng cử', elected_alternate: 'Trúng cử dự khuyết', tied: 'Bằng phiếu', not_elected: 'Không trúng cử' };

export async function countingMinutesInput(request: FastifyRequest, e: ElectionRow): Promise<CountingMinutesInput> {
  const { db } = readContext(request);
  const c = (await getCongress(db, e.congressId))!;
  const org = (await getOrg(db, c.orgId))!;
  const parent = org.parentId ? await getOrg(db, org.parentId) : null;
  const tally = e.tally!;
  const name = new Map(e.candidates.map((x) => [x.id, x.fullName]));
  const nextStep =
    tally.nextStep === 'tie_round'
      ? `Có ${tally.ties.reduce((n, t) => n + t.candidateIds.length, 0)} người bằng phiếu ở vị trí cuối; đại hội bầu tiếp trong số những người bằng phiếu.`
      : tally.nextStep === 'congress_decides'
        ? `Số người trúng cử chưa đủ số lượng (thiếu ${tally.unfilledSeats + tally.unfilledAlternateSeats}); đại hội thảo luận, quyết định bầu tiếp hoặc không.`
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
  };
}

export async function countingMinutesReply(request: FastifyRequest, reply: FastifyReply, e: ElectionRow, format: 'docx' | 'pdf') {
  const docx = await countingMinutesDocx(await countingMinutesInput(request, e));
  const file = `Biên bản kiểm phiếu - ${e.title}.${format}`;
  const disposition = `attachment; filename="bien-ban-kiem-phieu.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`;
  if (format === 'docx') return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', disposition).send(docx);
  return reply.type('application/pdf').header('content-disposition', disposition).send(await docxToPdf(docx));
}
