import { Alert, Anchor, Button, Group, Modal, NumberInput, Paper, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { del } from '../congress/lib';
import { NS } from './i18n';
import { votingKey } from './lib';
import { StatusBadge, TallyTable } from './parts';
import type { CongressBases, Election, ElectionTally, Receipts, VotingOverview } from './types';

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
  hasNextRound = false,
}: {
  congressId: number;
  election: Election;
  bases: CongressBases;
  kind: VotingOverview['congress']['kind'];
  canManage: boolean;
  onEdit: () => void;
  onProject: () => void;
  projected: boolean;
  /** the further round has been prepared already */
  hasNextRound?: boolean;
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
  const seatsText = e.body === 'delegation' && e.alternateSeats ? t('election.seatsDelegation', { seats: e.seats, alternates: e.alternateSeats }) : t('election.seatsN', { seats: e.seats });

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
          {e.status === 'closed' && (
            <>
              <Button size="xs" variant="default" component="a" href={`${base}/minutes.docx`} download>
                {t('election.minutesDocx')}
              </Button>
              <Button size="xs" variant="default" component="a" href={`${base}/minutes.pdf`} download>
                {t('election.minutesPdf')}
              </Button>
              {e.mode === 'electronic' && (
                <Button size="xs" variant="default" onClick={() => setReceipts(true)}>
                  {t('election.receipts')}
                </Button>
              )}
              <Button size="xs" variant="default" onClick={() => act.mutate(async () => setRecount(await api.get(`${base}/recount`)))}>
                {t('election.recount')}
              </Button>
              {canManage && e.tally && e.tally.nextStep !== 'done' && !hasNextRound && (
                <Button size="xs" color="#8f3b00" onClick={() => act.mutate(() => api.post(`${base}/further-round`, {}))}>
                  {t('election.furtherRound')}
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
    </Paper>
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
