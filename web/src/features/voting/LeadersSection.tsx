import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate } from '../../app/format';
import { NS } from './i18n';
import { byBody } from './Appointments';
import type { Leader } from './types';

type LeaderRow = Leader & { id: number; term: string | null; sourceKind: 'election' | 'appointment'; since: string };

/** "Lãnh đạo" on the organisation page: the leadership from the last elections and appointment decisions */
export function LeadersSection({ orgId }: { orgId: number }) {
  const { t } = useTranslation(NS);
  const q = useQuery({ queryKey: ['leaders', orgId], queryFn: () => api.get<LeaderRow[]>(`/api/orgs/${orgId}/leaders`) });
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data?.length) return null;
  const rows = q.data;
  const groups = byBody(rows);
  const term = rows.find((r) => r.term)?.term;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="leaders-title" data-testid="org-leaders">
      <Title order={2} size="h4" id="leaders-title" mb="xs">
        {t('leaders.title')}
        {term ? ` — ${t('leaders.term', { term })}` : ''}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {groups.map(([body, list]) => {
          // a body may come from more than one source (an appointment, then an election): each is said
          const sources = [...new Map((list as LeaderRow[]).map((m) => [`${m.sourceKind}:${m.since}`, m])).values()];
          return (
            <Stack gap={2} key={body}>
              <Text size="sm" fw={700}>
                {t(`leaderBody.${body}`)} ({list.length})
              </Text>
              <Text size="sm">{list.map((m) => m.fullName).join(', ')}</Text>
              <Text size="xs" c="dimmed">
                {sources.map((m) => t(`leaders.source.${m.sourceKind}`, { date: formatDate(m.since) })).join('; ')}
              </Text>
            </Stack>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}
