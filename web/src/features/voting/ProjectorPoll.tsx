import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NS } from './i18n';
import { formatPercent, nextStepText, useVotingOverview } from './lib';
import { byBody } from './Appointments';
import { formatDate } from '../../app/format';
import type { Appointment, Election, OpenVote, VotingOverview } from './types';

// the hall screen's palette (ProjectorPage): white on near-black, yellow accents
const FG = '#ffffff';
const ACCENT = '#ffd400';
const GOOD = '#3ddc84';
const BAD = '#ff6b6b';
const MUTED = '#cfcfcf';

/** a vote, an election or an appointment decision on the hall screen, following the events live */
export function ProjectorPoll({ congressId, mode, pollId }: { congressId: number; mode: 'vote' | 'election' | 'appointment'; pollId: number | null | undefined }) {
  const { t } = useTranslation(NS);
  const q = useVotingOverview(congressId);
  if (!q.data) return null;
  const d = q.data;
  if (mode === 'vote') {
    const v = d.votes.find((x) => x.id === pollId);
    return v ? <VoteScreen vote={v} bases={d.bases} /> : null;
  }
  if (mode === 'election') {
    const e = d.elections.find((x) => x.id === pollId);
    return e ? <ElectionScreen election={e} bases={d.bases} /> : null;
  }
  const a = d.appointments.find((x) => x.id === pollId);
  return a ? <AppointmentScreen a={a} /> : <Text inherit>{t('projector.nothing')}</Text>;
}

function Heading({ children }: { children: React.ReactNode }) {
  return (
    <Text inherit c={ACCENT} fz="0.9em" tt="uppercase" fw={700}>
      {children}
    </Text>
  );
}

function VoteScreen({ vote: v, bases }: { vote: OpenVote; bases: VotingOverview['bases'] }) {
  const { t, i18n } = useTranslation(NS);
  const r = v.result;
  const rows = (['for', 'against', ...(v.allowsOther ? ['other'] : [])] as const).map((k) => k as 'for' | 'against' | 'other');
  return (
    <Stack align="center" gap="0.5em" ta="center" w="100%" maw="90vw" data-testid="projector-vote">
      <Heading>{t('projector.vote')}</Heading>
      <Text inherit fz="1.9em" fw={800} lh={1.2}>
        {v.question}
      </Text>
      {v.status === 'draft' && <Text inherit c={MUTED}>{t('projector.notOpenYet')}</Text>}
      {v.status === 'open' && (
        <Text inherit fz="2.6em" fw={800} data-testid="projector-turnout">
          {t('projector.voted', { voted: v.voted, present: bases.present })}
        </Text>
      )}
      {r && (
        <>
          <Stack gap="0.35em" w="100%" maw="60em">
            {rows.map((k) => (
              <Group key={k} gap="0.6em" wrap="nowrap">
                <Text inherit w="9em" ta="left" fw={700} style={{ flex: 'none' }}>
                  {t(`choice.${k}`)}
                </Text>
                <Box flex={1} h="1.3em" bg="#2a2a2a" style={{ borderRadius: 4, overflow: 'hidden' }} aria-hidden>
                  <Box h="100%" w={`${Math.min(100, r.percentOfBase[k])}%`} bg={k === 'for' ? GOOD : k === 'against' ? BAD : MUTED} />
                </Box>
                <Text inherit w="7.5em" ta="right" fw={800} ff="monospace" style={{ flex: 'none' }}>
                  {r.counts[k]} · {formatPercent(r.percentOfBase[k], i18n.language)}
                </Text>
              </Group>
            ))}
          </Stack>
          <Text inherit fz="2.6em" fw={900} c={r.adopted ? GOOD : BAD} data-testid="projector-verdict">
            {r.adopted ? t('projector.adopted') : t('projector.notAdopted')}
          </Text>
          <Text inherit fz="0.75em" c={MUTED}>
            {t('result.baseLine', { base: t(`base.${r.base.kind}`), size: r.base.size, required: r.required, cast: r.cast })}
          </Text>
        </>
      )}
    </Stack>
  );
}

function ElectionScreen({ election: e, bases }: { election: Election; bases: VotingOverview['bases'] }) {
  const { t, i18n } = useTranslation(NS);
  const tally = e.tally;
  const byId = new Map((tally?.candidates ?? []).map((c) => [c.candidateId, c]));
  const line = (id: number, i: number) => {
    const c = byId.get(id)!;
    return (
      <Group key={id} gap="0.6em" wrap="nowrap" justify="space-between" w="100%" style={{ borderBottom: '1px solid #333' }}>
        <Text inherit fw={700} ta="left">
          {i + 1}. {c.fullName}
        </Text>
        <Text inherit ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {c.votes} · {formatPercent(c.percentOfValid, i18n.language)}
        </Text>
      </Group>
    );
  };
  return (
    <Stack align="center" gap="0.45em" ta="center" w="100%" maw="90vw" data-testid="projector-election">
      <Heading>{t('projector.election')}</Heading>
      <Text inherit fz="1.8em" fw={800} lh={1.2}>
        {e.title}
      </Text>
      {e.status === 'draft' && (
        <Text inherit c={MUTED}>
          {e.candidates.map((c) => c.fullName).join(' · ')}
        </Text>
      )}
      {e.status === 'open' &&
        (e.mode === 'electronic' ? (
          <Text inherit fz="2.6em" fw={800} data-testid="projector-turnout">
            {t('projector.ballotsCast', { voted: e.voted, present: bases.present })}
          </Text>
        ) : (
          <Text inherit fz="1.8em" fw={700}>
            {t('projector.counting')}
          </Text>
        ))}
      {tally && (
        <Stack gap="0.3em" w="100%" maw="50em" data-testid="projector-elected">
          <Text inherit fz="0.75em" c={MUTED}>
            {t('projector.ballots', { total: tally.ballots.total, valid: tally.ballots.valid, threshold: tally.threshold, base: tally.base })}
          </Text>
          <Text inherit c={GOOD} fw={800}>
            {e.body === 'delegation' ? t('projector.electedOfficial') : t('projector.elected')}
          </Text>
          {tally.elected.map(line)}
          {tally.alternates.length > 0 && (
            <>
              <Text inherit c={ACCENT} fw={800} mt="0.3em">
                {t('projector.electedAlternate')}
              </Text>
              {tally.alternates.map(line)}
            </>
          )}
          {tally.nextStep !== 'done' && (
            <Text inherit c={ACCENT} fw={700} mt="0.3em">
              {nextStepText(t, e.body, tally)}
            </Text>
          )}
          <Text inherit fz="0.6em" c={MUTED}>
            {t('projector.percentNote')}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

function AppointmentScreen({ a }: { a: Appointment }) {
  const { t } = useTranslation(NS);
  return (
    <Stack align="center" gap="0.4em" ta="center" w="100%" maw="92vw" data-testid="projector-appointment">
      <Heading>{t('projector.appointment')}</Heading>
      <Text inherit fz="1.5em" fw={800}>
        {t('appointment.heading', { number: a.decisionNumber, date: formatDate(a.decisionDate) })}
      </Text>
      <Text inherit fz="0.9em">
        {a.issuer}
      </Text>
      <Stack gap="0.25em" mt="0.3em" w="100%" fz="0.8em">
        {byBody(a.members).map(([body, list]) => (
          <Text inherit key={body} ta="left">
            <Text span inherit c={ACCENT} fw={800}>
              {t(`leaderBody.${body}`)} ({list.length}):
            </Text>{' '}
            {list.map((m) => m.fullName).join(', ')}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}
