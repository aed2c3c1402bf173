import { Button, Group, NumberInput, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { del } from '../congress/lib';
import { NS } from './i18n';
import { votingKey } from './lib';
import { StatusBadge, VoteResultView, ruleText } from './parts';
import type { CongressBases, OpenVote, OpenVoteChoice } from './types';

/** one open vote for the presidium: open, hand count, close, result, show on the hall screen */
export function VotePanel({ congressId, vote, bases, canManage, onEdit, onProject, projected }: { congressId: number; vote: OpenVote; bases: CongressBases; canManage: boolean; onEdit: () => void; onProject: () => void; projected: boolean }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const base = `/api/congresses/${congressId}/votes/${vote.id}`;
  const act = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onSuccess: () => void client.invalidateQueries({ queryKey: votingKey(congressId) }),
  });
  const [hands, setHands] = useState(false);
  const [showNamed, setShowNamed] = useState(false);
  const size = vote.rule.base === 'cast' ? undefined : bases[vote.rule.base];
  return (
    <Paper withBorder p="md" component="article" aria-label={vote.question} data-testid={`vote-${vote.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {t(`subject.${vote.subject}`)} · {vote.named ? t('vote.named') : t('vote.anonymous')}
            </Text>
            <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
              {vote.question}
            </Text>
            <Text size="xs" c="dimmed">
              {ruleText(t, vote.rule, size)}
            </Text>
          </div>
          <StatusBadge status={vote.status} />
        </Group>
        {vote.status === 'open' && (
          <div role="status" aria-live="polite">
            <Text size="sm" fw={600} data-testid={`vote-turnout-${vote.id}`}>
              {vote.handCounts
                ? t('vote.handEntered', { for: vote.handCounts.for, against: vote.handCounts.against, other: vote.handCounts.other })
                : t('vote.turnout', { voted: vote.voted, present: bases.present })}
            </Text>
            {!vote.handCounts && <Progress value={bases.present ? (vote.voted * 100) / bases.present : 0} color="teal.8" aria-hidden />}
          </div>
        )}
        {vote.status === 'closed' && <VoteResultView vote={vote} />}
        {vote.status === 'closed' && vote.named && (
          <div>
            <Button size="xs" variant="subtle" px={0} onClick={() => setShowNamed((x) => !x)} aria-expanded={showNamed}>
              {showNamed ? t('vote.hideNamed') : t('vote.showNamed')}
            </Button>
            {showNamed && <NamedChoices path={base} />}
          </div>
        )}
        <ErrorAlert error={act.error} />
        <Group gap="xs" wrap="wrap">
          {canManage && vote.status === 'draft' && (
            <>
              <Button size="xs" onClick={() => act.mutate(() => api.post(`${base}/open`))} loading={act.isPending}>
                {t('vote.open')}
              </Button>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('common.edit')}
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => act.mutate(() => del(base))}>
                {t('common.delete')}
              </Button>
            </>
          )}
          {canManage && vote.status === 'open' && (
            <>
              <Button size="xs" color="#a00b0a" onClick={() => act.mutate(() => api.post(`${base}/close`))} loading={act.isPending}>
                {t('vote.close')}
              </Button>
              {vote.voted === 0 && (
                <Button size="xs" variant="default" onClick={() => setHands((x) => !x)} aria-expanded={hands}>
                  {t('vote.handCount')}
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
        {hands && vote.status === 'open' && <HandCount vote={vote} onSave={(b) => act.mutate(() => api.post(`${base}/hand-count`, b), { onSuccess: () => setHands(false) })} />}
      </Stack>
    </Paper>
  );
}

/** a named vote after its close: each delegate's choice, in the order of a Vietnamese list */
function NamedChoices({ path }: { path: string }) {
  const { t } = useTranslation(NS);
  const q = useQuery({ queryKey: ['named-choices', path], queryFn: () => api.get<OpenVote & { namedChoices: { delegateId: number | null; fullName: string | null; choice: OpenVoteChoice }[] | null }>(path) });
  const rows = q.data?.namedChoices ?? [];
  return (
    <>
      <ErrorAlert error={q.error} />
      <Table.ScrollContainer minWidth={260}>
        <Table striped data-testid="named-choices" aria-label={t('vote.namedTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('tally.name')}</Table.Th>
              <Table.Th>{t('vote.choice')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.delegateId ?? `row-${i}`}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{r.fullName ?? '—'}</Table.Td>
                <Table.Td>{t(`choice.${r.choice}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {q.isSuccess && !rows.length && (
        <Text size="sm" c="dimmed">
          {t('vote.namedNone')}
        </Text>
      )}
    </>
  );
}

function HandCount({ vote, onSave }: { vote: OpenVote; onSave: (b: { for: number; against: number; other?: number }) => void }) {
  const { t } = useTranslation(NS);
  const [f, setF] = useState<number | string>(vote.handCounts?.for ?? '');
  const [a, setA] = useState<number | string>(vote.handCounts?.against ?? '');
  const [o, setO] = useState<number | string>(vote.handCounts?.other ?? '');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ for: Number(f) || 0, against: Number(a) || 0, ...(vote.allowsOther ? { other: Number(o) || 0 } : {}) });
      }}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NumberInput label={t('choice.for')} min={0} value={f} onChange={setF} w={110} />
        <NumberInput label={t('choice.against')} min={0} value={a} onChange={setA} w={110} />
        {vote.allowsOther && <NumberInput label={t('choice.other')} min={0} value={o} onChange={setO} w={110} />}
        <Button type="submit" variant="light">
          {t('vote.saveHands')}
        </Button>
      </Group>
    </form>
  );
}
