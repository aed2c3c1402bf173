import { Alert, Anchor, Button, Checkbox, Group, Modal, NumberInput, Paper, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { del } from '../congress/lib';
import { NS } from './i18n';
import { electionRulesLine, seatsLabel, votingKey } from './lib';
import { StatusBadge, TallyTable } from './parts';
import { furtherRounds, type CongressBases, type Election, type ElectionTally, type FurtherRound, type Receipts, type VotingOverview } from './types';

/** a closed election's documents: the counting minutes of the round, the result report of the election */
const ELECTION_DOCUMENTS = [
  ['minutes.docx', 'minutesDocx'],
  ['minutes.pdf', 'minutesPdf'],
  ['report.docx', 'reportDocx'],
  ['report.pdf', 'reportPdf'],
] as const;

/** one election for the office and the presidium: the list, open, close and count, the tally, what follows */
export function ElectionPanel({
  congressId,
  election: e,
  bases,
  kind,
  canManage,
  onEdit,
  onProject,
  projected,
  preparedRounds = 0,
}: {
  congressId: number;
  election: Election;
  bases: CongressBases;
  kind: VotingOverview['congress']['kind'];
  canManage: boolean;
  onEdit: () => void;
  onProject: () => void;
  projected: boolean;
  /** how many further rounds have been prepared from this election already */
  preparedRounds?: number;
}) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const base = `/api/congresses/${congressId}/elections/${e.id}`;
  const act = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onSuccess: () => void client.invalidateQueries({ queryKey: votingKey(congressId) }),
  });
  const [excluded, setExcluded] = useState<number | string>(0);
  const [issued, setIssued] = useState<number | string>('');
  const [receipts, setReceipts] = useState(false);
  const [recount, setRecount] = useState<{ matches: boolean; tally: ElectionTally } | null>(null);
  const seatsText = seatsLabel(t, e);
  const rounds = e.status === 'closed' && e.tally ? furtherRounds(e.tally) : [];
  const dueRound = rounds[preparedRounds];
  const [preparing, setPreparing] = useState(false);

  return (
    <Paper withBorder p="md" component="article" aria-label={e.title} data-testid={`election-${e.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {t(`body.${e.body}`)} · {t(`mode.${e.mode}`)}
              {e.round > 1 ? ` · ${t('election.round', { n: e.round })}` : ''}
            </Text>
            <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
              {e.title}
            </Text>
            <Text size="xs" c="dimmed">
              {seatsText} · {t('election.candidates', { count: e.candidates.length })}
            </Text>
            <Text size="xs" c="dimmed" data-testid="election-rules-line">
              {electionRulesLine(t, e)}
            </Text>
          </div>
          <StatusBadge status={e.status} />
        </Group>
        {e.status !== 'closed' && (
          <Text size="sm" c="dimmed">
            {e.candidates.map((c, i) => `${i + 1}. ${c.fullName}`).join(' · ')}
          </Text>
        )}
        {e.listProblem && (
          <Alert color="red" variant="light" p="xs">
            {e.listProblem.message}
          </Alert>
        )}
        {e.status === 'open' && e.mode === 'electronic' && (
          <div role="status" aria-live="polite">
            <Text size="sm" fw={600} data-testid={`election-turnout-${e.id}`}>
              {t('election.turnout', { voted: e.voted, present: bases.present })}
            </Text>
            <Progress value={bases.present ? (e.voted * 100) / bases.present : 0} color="teal.8" aria-hidden />
          </div>
        )}
        {e.status === 'open' && e.mode === 'paper' && (
          <Anchor component={Link} to={`/congress/${congressId}/elections/${e.id}/count`} fw={600}>
            {t('paper.open')} ›
          </Anchor>
        )}
        {e.status === 'closed' && e.tally && (
          <>
            <Text size="sm">
              {t('election.issuedLine', { issued: e.ballotsIssued ?? '—', base: e.base ?? '—', excluded: e.excluded })}
            </Text>
            <TallyTable election={e} tally={e.tally} />
          </>
        )}
        <ErrorAlert error={act.error} />
        {canManage && e.status === 'open' && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            {kind === 'members' && <NumberInput label={t('election.excluded')} description={t('election.excludedHint')} min={0} value={excluded} onChange={setExcluded} w={200} />}
            {e.mode === 'paper' && <NumberInput label={t('election.ballotsIssued')} min={0} value={issued} onChange={setIssued} w={170} required />}
            <Button
              size="xs"
              color="#a00b0a"
              loading={act.isPending}
              disabled={e.mode === 'paper' && issued === ''}
              onClick={() => act.mutate(() => api.post(`${base}/close`, { ...(kind === 'members' ? { excluded: Number(excluded) || 0 } : {}), ...(e.mode === 'paper' ? { ballotsIssued: Number(issued) } : {}) }))}
            >
              {t('election.close')}
            </Button>
          </Group>
        )}
        <Group gap="xs" wrap="wrap">
          {canManage && e.status === 'draft' && (
            <>
              <Button size="xs" onClick={() => act.mutate(() => api.post(`${base}/open`))} loading={act.isPending} disabled={!!e.listProblem}>
                {t('election.open')}
              </Button>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('common.edit')}
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => act.mutate(() => del(base))}>
                {t('common.delete')}
              </Button>
            </>
          )}
          {e.mode === 'paper' && e.status !== 'closed' && !e.listProblem && (
            <>
              {(['ballot.pdf', 'ballot.docx'] as const).map((file) => (
                <Button key={file} size="xs" variant="default" component="a" href={`${base}/${file}`} download>
                  {t(file === 'ballot.pdf' ? 'election.ballotPdf' : 'election.ballotDocx')}
                </Button>
              ))}
            </>
          )}
          {e.status === 'closed' && (
            <>
              {ELECTION_DOCUMENTS.map(([file, label]) => (
                <Button key={file} size="xs" variant="default" component="a" href={`${base}/${file}`} download>
                  {t(`election.${label}`)}
                </Button>
              ))}
              {e.mode === 'electronic' && (
                <Button size="xs" variant="default" onClick={() => setReceipts(true)}>
                  {t('election.receipts')}
                </Button>
              )}
              <Button size="xs" variant="default" onClick={() => act.mutate(async () => setRecount(await api.get(`${base}/recount`)))}>
                {t('election.recount')}
              </Button>
              {canManage && dueRound && (
                <Button size="xs" color="#8f3b00" onClick={() => setPreparing(true)}>
                  {t('election.furtherRound')}
                  {rounds.length > 1 ? ` (${preparedRounds + 1}/${rounds.length})` : ''}
                </Button>
              )}
            </>
          )}
          {canManage && (
            <Button size="xs" variant={projected ? 'filled' : 'outline'} color="dark" onClick={onProject} aria-pressed={projected}>
              {t('common.project')}
            </Button>
          )}
        </Group>
        {recount && (
          <Alert color={recount.matches ? 'teal' : 'red'} variant="light" role="status" withCloseButton onClose={() => setRecount(null)}>
            {recount.matches ? t('election.recountMatches') : t('election.recountDiffers')}
          </Alert>
        )}
      </Stack>
      {receipts && <ReceiptsModal path={`${base}/receipts`} onClose={() => setReceipts(false)} />}
      {preparing && dueRound && (
        <FurtherRoundModal
          election={e}
          round={dueRound}
          position={{ n: preparedRounds + 1, total: rounds.length }}
          onClose={() => setPreparing(false)}
          onCreate={(candidateIds) => act.mutateAsync(() => api.post(`${base}/further-round`, candidateIds ? { candidateIds } : {})).then(() => setPreparing(false))}
        />
      )}
    </Paper>
  );
}

/**
 * The further round the tally calls for: among the tied (the list is fixed), or for the seats left, where the congress may
 * narrow the list of those not elected (RULES.md "More candidates over the threshold than seats").
 */
function FurtherRoundModal({
  election: e,
  round,
  position,
  onClose,
  onCreate,
}: {
  election: Election;
  round: FurtherRound;
  position: { n: number; total: number };
  onClose: () => void;
  onCreate: (candidateIds: number[] | null) => Promise<unknown>;
}) {
  const { t } = useTranslation(NS);
  const [picked, setPicked] = useState<number[]>(round.candidateIds);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const name = new Map(e.candidates.map((c) => [c.id, c.fullName]));
  const needed = round.seats + round.alternateSeats;
  const narrowed = picked.length !== round.candidateIds.length;
  const submit = () => {
    setBusy(true);
    setError(null);
    onCreate(narrowed ? round.candidateIds.filter((id) => picked.includes(id)) : null)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <Modal opened onClose={onClose} title={t('election.furtherRoundTitle')}>
      <Stack gap="sm">
        {position.total > 1 && (
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('election.furtherRoundOf', position)}
          </Text>
        )}
        <Text fw={600}>{seatsLabel(t, { body: e.body, ...round })}</Text>
        {round.reason === 'tie' ? (
          <Text size="sm">{t('election.furtherRoundTie', { names: round.candidateIds.map((id) => name.get(id)).join(', ') })}</Text>
        ) : (
          <>
            <Text size="sm">{t('election.furtherRoundUnfilled')}</Text>
            <Checkbox.Group value={picked.map(String)} onChange={(v) => setPicked(v.map(Number))} aria-label={t('election.furtherRoundTitle')}>
              <Stack gap={6}>
                {round.candidateIds.map((id) => (
                  <Checkbox key={id} value={String(id)} label={name.get(id)} />
                ))}
              </Stack>
            </Checkbox.Group>
            {picked.length < needed && (
              <Text size="sm" c="red.8" role="alert">
                {t('election.furtherRoundTooFew', { needed })}
              </Text>
            )}
          </>
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="#8f3b00" onClick={submit} loading={busy} disabled={picked.length < needed}>
            {t('election.furtherRoundCreate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ReceiptsModal({ path, onClose, mine }: { path: string; onClose: () => void; mine?: string }) {
  const { t } = useTranslation(NS);
  const q = useQuery({ queryKey: ['receipts', path], queryFn: () => api.get<Receipts>(path) });
  const [filter, setFilter] = useState(mine ?? '');
  const rows = (q.data?.ballots ?? []).filter((b) => b.receiptCode.includes(filter.trim().toUpperCase()));
  return (
    <Modal opened onClose={onClose} title={t('election.receiptsTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('election.receiptsHint')}</Text>
        <TextInput label={t('election.receiptFilter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
        <ErrorAlert error={q.error} />
        <Table.ScrollContainer minWidth={280}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('election.receiptCode')}</Table.Th>
                <Table.Th>{t('election.chosen')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, 500).map((b) => (
                <Table.Tr key={b.receiptCode}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {b.receiptCode}
                  </Table.Td>
                  <Table.Td>{b.chosen.join(', ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed">
          {t('election.receiptsCount', { shown: Math.min(rows.length, 500), total: q.data?.ballots.length ?? 0 })}
        </Text>
      </Stack>
    </Modal>
  );
}
