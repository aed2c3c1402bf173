import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { NS } from './i18n';
import { keepBallot, newClientBallotId, readBallot, seatsLabel, useVotingEvents, type KeptBallot } from './lib';
import type { CastAnswer, OpenVoteChoice, PhoneVoting as PhoneVotingData, Receipts } from './types';

type PhoneVote = PhoneVotingData['votes'][number];
type PhoneElection = PhoneVotingData['elections'][number];

/** "Biểu quyết / Bầu cử" on the delegate's phone: open votes, the secret ballot, the receipt, the results */
export function PhoneVoting({ base, owner }: { base: string; owner: string }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const key = ['delegate-voting', base];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<PhoneVotingData>(`${base}/voting`) });
  useVotingEvents(`${base}/events`, [key], (e) => {
    if (e.type === 'election.paper_progress') return true;
    // an opened vote or ballot comes in the event: 2,000 phones need not all ask for it at once
    if (e.type === 'vote.opened' || e.type === 'election.opened') {
      const phone = (e.payload as { phone?: (PhoneVote & PhoneElection) | null }).phone;
      if (!phone || !client.getQueryData<PhoneVotingData>(key)) return e.type === 'election.opened' && phone === null;
      client.setQueryData<PhoneVotingData>(key, (d) => {
        if (!d) return d;
        if (e.type === 'vote.opened') return { ...d, votes: [...d.votes.filter((v) => v.id !== phone.id), { ...(phone as PhoneVote), iVoted: false }].sort((a, b) => a.id - b.id) };
        return { ...d, elections: [...d.elections.filter((x) => x.id !== phone.id), { ...(phone as PhoneElection), iVoted: false }].sort((a, b) => a.id - b.id) };
      });
      return true;
    }
    if (e.type !== 'vote.turnout' && e.type !== 'election.turnout') return false;
    const { kind, pollId, voted } = e.payload as { kind: 'vote' | 'election'; pollId: number; voted: number };
    client.setQueryData<PhoneVotingData>(key, (d) =>
      d && (kind === 'vote' ? { ...d, votes: d.votes.map((v) => (v.id === pollId ? { ...v, voted } : v)) } : { ...d, elections: d.elections.map((x) => (x.id === pollId ? { ...x, voted } : x)) }),
    );
    return true;
  });
  const d = q.data;
  const openOnes = d ? d.votes.filter((v) => v.status === 'open').length + d.elections.filter((e) => e.status === 'open').length : 0;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="voting-title" data-testid="phone-voting">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={2} size="h5" id="voting-title">
          {t('phone.title')}
        </Title>
        {openOnes > 0 && (
          <Badge color="#0b6b4f" variant="filled">
            {t('phone.openCount', { count: openOnes })}
          </Badge>
        )}
      </Group>
      <ErrorAlert error={q.error} />
      {d && (
        <Stack gap="sm">
          {!d.checkedIn && (d.votes.some((v) => v.status === 'open') || d.elections.some((e) => e.status === 'open')) && (
            <Alert color="yellow" variant="light" p="xs">
              {t('phone.checkInFirst')}
            </Alert>
          )}
          {d.checkedIn && !d.mayVote && (
            <Alert color="gray" variant="light" p="xs">
              {t('phone.noVote')}
            </Alert>
          )}
          {[...d.elections].reverse().map((e) => (
            <ElectionBallot key={e.id} e={e} base={base} owner={owner} mayVote={e.mayVote ?? d.mayVote} />
          ))}
          {[...d.votes].reverse().map((v) => (
            <VoteButtons key={v.id} v={v} base={base} owner={owner} mayVote={d.mayVote} />
          ))}
          {d.votes.length === 0 && d.elections.length === 0 && <Text size="sm">{t('phone.nothing')}</Text>}
        </Stack>
      )}
    </Paper>
  );
}

/** sends a kept ballot; a retry after a network failure sends the same id and the same choice */
function useCast(base: string, owner: string, kind: 'vote' | 'election', id: number) {
  const client = useQueryClient();
  const [kept, setKept] = useState<KeptBallot | null>(() => readBallot(owner, kind, id));
  const send = useMutation({
    mutationFn: async (choice: unknown) => {
      const b = readBallot(owner, kind, id) ?? { clientBallotId: newClientBallotId(), choice };
      keepBallot(owner, kind, id, b);
      setKept(b);
      const body = kind === 'vote' ? { clientBallotId: b.clientBallotId, choice: b.choice } : { clientBallotId: b.clientBallotId, chosen: b.choice };
      const answer = await api.post<CastAnswer>(`${base}/${kind === 'vote' ? 'votes' : 'elections'}/${id}`, body);
      const done = { ...b, receiptCode: answer.receiptCode };
      keepBallot(owner, kind, id, done);
      setKept(done);
      return answer;
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['delegate-voting', base] }),
  });
  return { kept, send };
}

const CHOICE_COLOR: Record<OpenVoteChoice, string> = { for: '#0b6b4f', against: '#a00b0a', other: 'gray.7' };

function VoteButtons({ v, base, owner, mayVote }: { v: PhoneVote; base: string; owner: string; mayVote: boolean }) {
  const { t } = useTranslation(NS);
  const { kept, send } = useCast(base, owner, 'vote', v.id);
  const sent = kept?.receiptCode || v.iVoted;
  const pending = kept && !kept.receiptCode && !v.iVoted;
  return (
    <Paper withBorder p="sm" bg={v.status === 'open' ? 'white' : 'gray.0'} component="article" aria-label={v.question} data-testid={`phone-vote-${v.id}`}>
      <Stack gap={8}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t('phone.vote')} · {t(`status.${v.status}`)}
        </Text>
        <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
          {v.question}
        </Text>
        {v.status === 'open' && mayVote && !sent && !pending && (
          <Stack gap={8}>
            {v.choices.map((c) => (
              <Button key={c} size="lg" h={56} fullWidth color={CHOICE_COLOR[c]} onClick={() => send.mutate(c)} loading={send.isPending && send.variables === c} disabled={send.isPending}>
                {t(`choice.${c}`)}
              </Button>
            ))}
          </Stack>
        )}
        {pending && v.status === 'open' && (
          <Stack gap={6}>
            <Text size="sm">{t('phone.notConfirmed', { choice: t(`choice.${kept.choice as string}`) })}</Text>
            <Button size="md" onClick={() => send.mutate(kept.choice)} loading={send.isPending}>
              {t('phone.resend')}
            </Button>
          </Stack>
        )}
        {sent && (
          <Text size="sm" c="teal.9" fw={600} role="status" data-testid="phone-vote-done">
            {kept?.choice ? t('phone.votedChoice', { choice: t(`choice.${kept.choice as string}`) }) : t('phone.voted')}
          </Text>
        )}
        <ErrorAlert error={send.error} />
        {v.status === 'closed' && v.result && (
          <Stack gap={2} data-testid="phone-vote-result">
            <Text fw={800} c={v.result.adopted ? 'teal.9' : 'red.8'}>
              {v.result.adopted ? t('result.adopted') : t('result.notAdopted')}
            </Text>
            <Text size="sm">
              {t('choice.for')}: {v.result.counts.for} · {t('choice.against')}: {v.result.counts.against}
              {v.choices.includes('other') ? ` · ${t('choice.other')}: ${v.result.counts.other}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {t('result.baseLine', { base: t(`base.${v.result.base.kind}`), size: v.result.base.size, required: v.result.required, cast: v.result.cast })}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function ElectionBallot({ e, base, owner, mayVote }: { e: PhoneElection; base: string; owner: string; mayVote: boolean }) {
  const { t } = useTranslation(NS);
  const { kept, send } = useCast(base, owner, 'election', e.id);
  const [chosen, setChosen] = useState<number[]>([]);
  const [confirm, setConfirm] = useState(false);
  const [check, setCheck] = useState(false);
  const max = e.seats + e.alternateSeats;
  const sent = !!kept?.receiptCode;
  const pending = kept && !kept.receiptCode && !e.iVoted;
  const name = new Map(e.candidates.map((c) => [c.id, c.fullName]));
  const toggle = (id: number) => setChosen((cs) => (cs.includes(id) ? cs.filter((x) => x !== id) : cs.length < max ? [...cs, id] : cs));
  const seats = seatsLabel(t, e);
  return (
    <Paper withBorder p="sm" bg={e.status === 'open' ? 'white' : 'gray.0'} component="article" aria-label={e.title} data-testid={`phone-election-${e.id}`}>
      <Stack gap={8}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t('phone.election')} · {t(`status.${e.status}`)}
        </Text>
        <Text fw={700}>{e.title}</Text>
        <Text size="sm">{seats}</Text>
        {e.status === 'open' && mayVote && !sent && !pending && !e.iVoted && (
          <>
            <Text size="sm" c="dimmed">
              {t('phone.ballotHint', { max })}
            </Text>
            <Stack gap={4} role="group" aria-label={t('phone.ballot')}>
              {e.candidates.map((c, i) => (
                <Checkbox
                  key={c.id}
                  size="md"
                  py={6}
                  label={`${i + 1}. ${c.fullName}`}
                  description={c.note ?? undefined}
                  checked={chosen.includes(c.id)}
                  disabled={!chosen.includes(c.id) && chosen.length >= max}
                  onChange={() => toggle(c.id)}
                />
              ))}
            </Stack>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={700} aria-live="polite" data-testid="ballot-counter">
                {t('phone.counter', { x: chosen.length, n: max })}
              </Text>
              <Button size="md" onClick={() => setConfirm(true)}>
                {t('phone.castBallot')}
              </Button>
            </Group>
          </>
        )}
        {pending && e.status === 'open' && (
          <Stack gap={6}>
            <Text size="sm">{t('phone.ballotNotConfirmed')}</Text>
            <Button size="md" onClick={() => send.mutate(kept.choice)} loading={send.isPending}>
              {t('phone.resend')}
            </Button>
          </Stack>
        )}
        {(sent || e.iVoted) && (
          <Alert color="teal" variant="light" p="xs" role="status" data-testid="phone-receipt">
            <Text size="sm">{t('phone.ballotCast')}</Text>
            {kept?.receiptCode && (
              <Text size="sm">
                {t('phone.receipt')}{' '}
                <Text span ff="monospace" fw={800} fz="lg" data-testid="receipt-code">
                  {kept.receiptCode}
                </Text>
              </Text>
            )}
            {kept?.receiptCode && (
              <Text size="xs" c="dimmed">
                {t('phone.receiptHint')}
              </Text>
            )}
          </Alert>
        )}
        <ErrorAlert error={send.error} />
        {e.status === 'closed' && e.tally && (
          <Stack gap={2} data-testid="phone-election-result">
            <Text fw={700}>{e.body === 'delegation' ? t('projector.electedOfficial') : t('projector.elected')}</Text>
            {e.tally.elected.map((id, i) => (
              <Text size="sm" key={id}>
                {i + 1}. {name.get(id)} — {e.tally!.candidates.find((c) => c.candidateId === id)?.votes}
              </Text>
            ))}
            {e.tally.alternates.length > 0 && <Text fw={700}>{t('projector.electedAlternate')}</Text>}
            {e.tally.alternates.map((id, i) => (
              <Text size="sm" key={id}>
                {i + 1}. {name.get(id)} — {e.tally!.candidates.find((c) => c.candidateId === id)?.votes}
              </Text>
            ))}
            {kept?.receiptCode && e.mode === 'electronic' && (
              <Button variant="light" mt={6} onClick={() => setCheck(true)}>
                {t('phone.checkMine')}
              </Button>
            )}
          </Stack>
        )}
      </Stack>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('phone.confirmTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{chosen.length ? t('phone.confirmText', { count: chosen.length }) : t('phone.confirmEmpty')}</Text>
          <Stack gap={2} component="ol" m={0} pl="lg">
            {e.candidates
              .filter((c) => chosen.includes(c.id))
              .map((c) => (
                <li key={c.id}>
                  <Text size="sm" fw={600}>
                    {c.fullName}
                  </Text>
                </li>
              ))}
          </Stack>
          <Group grow>
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('phone.back')}
            </Button>
            <Button
              onClick={() => {
                setConfirm(false);
                send.mutate([...chosen].sort((a, b) => a - b));
              }}
            >
              {t('phone.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {check && kept?.receiptCode && <MyBallotCheck path={`${base}/elections/${e.id}/receipts`} receipt={kept.receiptCode} mine={(kept.choice as number[]).map((id) => name.get(id) ?? '')} onClose={() => setCheck(false)} />}
    </Paper>
  );
}

/** the published receipts: is my ballot there, as I cast it? */
function MyBallotCheck({ path, receipt, mine, onClose }: { path: string; receipt: string; mine: string[]; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const q = useQuery({ queryKey: ['receipts', path], queryFn: () => api.get<Receipts>(path) });
  const found = q.data?.ballots.find((b) => b.receiptCode === receipt);
  const same = found && [...found.chosen].sort().join('|') === [...mine].sort().join('|');
  return (
    <Modal opened onClose={onClose} title={t('phone.checkMine')} centered>
      <Stack gap="sm" data-testid="my-ballot-check">
        <ErrorAlert error={q.error} />
        {q.data && (
          <>
            <Text size="sm">{t('phone.published', { count: q.data.ballots.length })}</Text>
            {found ? (
              <Alert color={same ? 'teal' : 'red'} variant="light" title={same ? t('phone.checkOk') : t('phone.checkDiffers')}>
                <Text size="sm" ff="monospace">
                  {found.receiptCode}
                </Text>
                <Text size="sm">{found.chosen.join(', ') || t('phone.nobodyChosen')}</Text>
              </Alert>
            ) : (
              <Alert color="red" variant="light">
                {t('phone.checkMissing', { code: receipt })}
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
