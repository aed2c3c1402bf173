import { useState } from 'react';
import { Anchor, Box, Button, Group, Loader, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatNumber } from '../../app/format';
import { STATUS_COLORS, TrackBadge, useValueFormat } from './parts';
import type { IndicatorSummary, Rollup, TrackStatus } from './types';

const CHART_STATUSES: TrackStatus[] = ['met', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data'];
const short = (name: string) => name.replace(/^Đảng bộ (các cơ quan Đảng )?/, '').replace(/^Chi bộ /, '');

export function RollupPage() {
  const { t, i18n } = useTranslation();
  const orgId = Number(useParams().id);
  const fmt = useValueFormat();
  const [indicator, setIndicator] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['resolution-rollup', orgId, indicator],
    queryFn: () => api.get<Rollup>(`/api/orgs/${orgId}/resolution-rollup`, { indicator: indicator ?? undefined }),
    placeholderData: (previous) => previous,
  });
  if (q.isPending) return <Loader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const ind = r.indicator;
  const chartUnits = r.units.slice(0, 25).map((u) => ({ name: short(u.name), ...u.statuses }));
  const aggregateText = (i: IndicatorSummary) =>
    i.aggregation === 'share_meeting'
      ? t('resolutions.rollupView.share', { met: i.aggregate.unitsMeeting, total: i.aggregate.unitsTotal })
      : `${t(`resolutions.aggregation.${i.aggregation}`)}: ${fmt(i.aggregate.value, i.unit)}`;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/resolutions/org/${orgId}`} size="sm">
          {r.org.name}
        </Anchor>
        <Title order={1} size="h2">
          {t('resolutions.rollupView.title')}
        </Title>
      </div>
      <Group gap="xs">
        <Button component="a" variant="light" href={`/api/orgs/${orgId}/resolution-rollup.pdf${r.indicator ? `?indicator=${encodeURIComponent(r.indicator.code)}` : ''}`} download>
          {t('resolutions.exports.rollupPdf')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {[
          [t('resolutions.rollupView.units'), r.summary.units],
          [t('resolutions.rollupView.targets'), r.summary.targets],
          [t('resolutions.rollupView.onTrack'), r.summary.statuses.met + r.summary.statuses.on_track],
          [t('resolutions.rollupView.overdueTasks'), r.summary.tasks.overdue],
        ].map(([label, n]) => (
          <Paper key={String(label)} withBorder p="xs">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="xl">
              {formatNumber(Number(n), i18n.language)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      {r.units.length > 0 && (
        <Paper withBorder p="sm">
          <Text fw={600} mb="xs">
            {t('resolutions.rollupView.statusChart')}
          </Text>
          <Box h={Math.max(220, chartUnits.length * 28 + 60)} role="img" aria-label={t('resolutions.rollupView.statusChart')}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={chartUnits} layout="vertical" margin={{ left: 8, right: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Legend />
                {CHART_STATUSES.map((s) => (
                  <Bar key={s} dataKey={s} stackId="s" maxBarSize={26} name={t(`resolutions.status.${s}`)} fill={STATUS_COLORS[s]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </Box>
        </Paper>
      )}

      <Title order={2} size="h4">
        {t('resolutions.rollupView.unitsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('resolutions.rollupView.unit')}</Table.Th>
              <Table.Th>{t('resolutions.rollupView.status')}</Table.Th>
              <Table.Th w={180}>{t('resolutions.rollupView.progress')}</Table.Th>
              <Table.Th>{t('resolutions.rollupView.targets')}</Table.Th>
              <Table.Th>{t('resolutions.rollupView.tasks')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.units.map((u, i) => (
              <Table.Tr key={u.orgId}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/resolutions/org/${u.orgId}`}>
                    {u.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <TrackBadge status={u.status} />
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Progress value={Math.round((u.progress ?? 0) * 100)} color={STATUS_COLORS[u.status]} w={110} aria-hidden />
                    <Text size="xs">{u.progress === null ? '—' : `${Math.round(u.progress * 100)}%`}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {t('resolutions.rollupView.targetsOnTrack', { ok: u.statuses.met + u.statuses.on_track, total: u.targets })}
                </Table.Td>
                <Table.Td>{t('resolutions.rollupView.tasksLine', { done: u.tasks.done, total: u.tasks.total, overdue: u.tasks.overdue })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {ind && (
        <>
          <Title order={2} size="h4">
            {t('resolutions.rollupView.indicators')}
          </Title>
          <Select
            label={t('resolutions.rollupView.indicator')}
            data={r.indicators.map((i) => ({ value: i.code, label: `${i.name} (${i.code})` }))}
            value={ind.code}
            onChange={setIndicator}
            allowDeselect={false}
            maw={520}
          />
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{ind.name}</Text>
              <Text size="sm">{aggregateText(ind)}</Text>
            </Group>
            <Box h={Math.max(200, ind.units.length * 28 + 60)} role="img" aria-label={ind.name}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={ind.units.map((u) => ({ name: short(u.name), value: u.value ?? 0 }))} layout="vertical" margin={{ left: 8, right: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" />
                  <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 11 }} />
                  <Tooltip />
                  <ReferenceLine x={ind.units[0]?.targetValue} stroke="#b02a2a" strokeDasharray="4 2" label={{ value: t('resolutions.rollupView.targetLine'), position: 'top', fontSize: 11 }} />
                  <Bar dataKey="value" name={ind.unit} fill="#1864ab" maxBarSize={26} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </Box>
            <Table mt="sm">
              <Table.Tbody>
                {ind.units.map((u) => (
                  <Table.Tr key={u.orgId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/resolutions/org/${u.orgId}`}>
                        {u.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {fmt(u.value, ind.unit)} {u.period ? `(${u.period})` : ''}
                    </Table.Td>
                    <Table.Td>
                      <TrackBadge status={u.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
