import { useState } from 'react';
import { Anchor, Box, Button, Group, Loader, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Text as ChartText, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatNumber } from '../../app/format';
import { RES_NS } from './i18n';
import { STATUS_COLORS, TrackBadge, useValueFormat } from './parts';
import type { IndicatorSummary, Rollup, TrackStatus } from './types';
import { periodName } from './lib';

const CHART_STATUSES: TrackStatus[] = ['met', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data'];
const short = (name: string) => name.replace(/^Đảng bộ (các cơ quan Đảng )?/, '').replace(/^Chi bộ /, '');
const TARGET_COLOR = '#b02a2a';

/** a unit's name on the indicator chart; a unit that has reported nothing says so beside the axis instead of showing a bar at 0 */
function UnitTick({ x: ax, y: ay, index = 0, payload, missing, noData }: { x?: number | string; y?: number | string; index?: number; payload?: { value: string }; missing: boolean[]; noData: string }) {
  const x = Number(ax ?? 0);
  const y = Number(ay ?? 0);
  return (
    <g>
      <ChartText x={x - 4} y={y} width={112} textAnchor="end" verticalAnchor="middle" fontSize={11} fill="#495057">
        {payload?.value ?? ''}
      </ChartText>
      {missing[index] && (
        <text x={x + 10} y={y} dy={4} fontSize={11} fontStyle="italic" fill="#5c5f66">
          {noData}
        </text>
      )}
    </g>
  );
}

/** a unit's name in a table, leading to its dashboard; a unit with units below it also opens its own roll-up (the next level) */
function UnitCell({ orgId, name, subUnits = 0 }: { orgId: number; name: string; subUnits?: number }) {
  const { t: tr } = useTranslation(RES_NS);
  return (
    <Table.Td>
      <Anchor component={Link} to={`/resolutions/org/${orgId}`}>
        {name}
      </Anchor>
      {subUnits > 0 && (
        <Text size="xs">
          <Anchor component={Link} to={`/resolutions/org/${orgId}/rollup`} aria-label={tr('rollup.nextLevelOf', { name, count: subUnits })}>
            {tr('rollup.nextLevel', { count: subUnits })}
          </Anchor>
        </Text>
      )}
    </Table.Td>
  );
}

/** each unit's own target: a short red mark across its bar, not one line for all */
function TargetMark({ cx, cy, index }: { cx?: number; cy?: number; index?: number }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx)) return <g key={index} />;
  return <line key={index} className="unit-target" x1={cx} x2={cx} y1={cy - 13} y2={cy + 13} stroke={TARGET_COLOR} strokeWidth={3} />;
}

export function RollupPage() {
  const { t, i18n } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  const orgId = Number(useParams().id);
  const fmt = useValueFormat();
  // the indicator chosen on this organisation's roll-up; the next level (the same page for another unit) starts afresh
  const [choice, setChoice] = useState<{ orgId: number; code: string | null }>({ orgId, code: null });
  const indicator = choice.orgId === orgId ? choice.code : null;
  const setIndicator = (code: string | null) => setChoice({ orgId, code });
  const q = useQuery({
    queryKey: ['resolution-rollup', orgId, indicator],
    queryFn: () => api.get<Rollup>(`/api/orgs/${orgId}/resolution-rollup`, { indicator: indicator ?? undefined }),
    placeholderData: (previous) => previous,
  });
  if (q.isPending) return <Loader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const ind = r.indicator;
  // every unit, ranked as in the table below (the worst last): a long list makes a tall chart rather than a cut one
  const chartUnits = r.units.map((u) => ({ name: short(u.name), ...u.statuses }));
  const indicatorTargets = new Set(ind?.units.map((u) => u.targetValue));
  const missing = ind?.units.map((u) => u.value === null) ?? [];
  const missingCount = missing.filter(Boolean).length;
  const aggregateText = (i: IndicatorSummary) =>
    i.conflict
      ? tr('indicator.conflict')
      : i.aggregation === 'share_meeting'
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
      <Text size="sm" c="dimmed" mt={-8}>
        {tr('rollup.levelNote')}
      </Text>
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
                <UnitCell orgId={u.orgId} name={u.name} subUnits={u.subUnits} />
                <Table.Td>
                  <TrackBadge status={u.status} />
                  {u.reported < u.targets && (
                    <Text size="xs" c="#8f5b00">
                      {tr('rollup.reported', { count: u.reported, reported: u.reported, total: u.targets })}
                    </Text>
                  )}
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
            <Box h={Math.max(200, ind.units.length * 28 + 80)} role="img" aria-label={ind.name}>
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart data={ind.units.map((u) => ({ name: short(u.name), value: u.value, targetValue: u.targetValue }))} layout="vertical" margin={{ left: 8, right: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" />
                  <YAxis type="category" dataKey="name" width={120} tick={(p) => <UnitTick {...p} missing={missing} noData={tr('chart.noData')} />} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="value" name={`${tr('chart.value')} (${ind.unit})`} fill="#1864ab" maxBarSize={26} isAnimationActive={false} />
                  <Line dataKey="targetValue" name={tr('chart.unitTarget')} stroke={TARGET_COLOR} strokeOpacity={0} legendType="plainline" dot={TargetMark} activeDot={false} isAnimationActive={false} />
                </ComposedChart>
              </ResponsiveContainer>
            </Box>
            <Text size="xs" c="dimmed">
              {indicatorTargets.size === 1 ? tr('chart.sameTarget', { value: fmt(ind.units[0].targetValue, ind.unit) }) : tr('chart.ownTargets')}
              {missingCount > 0 && ` ${tr('chart.missing', { count: missingCount })}`}
              {ind.covered > 0 && ` ${tr('rollup.covered', { count: ind.covered })}`}
            </Text>
            {ind.periods.length > 1 && (
              <Text size="xs" c="#8f5b00" data-testid="mixed-periods">
                {t('resolutions.rollupView.mixedPeriods', { list: ind.periods.map((p) => `${periodName(t, p.period)} (${p.units})`).join('; ') })}
              </Text>
            )}
            <Table.ScrollContainer minWidth={520} mt="sm">
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('resolutions.rollupView.unit')}</Table.Th>
                    <Table.Th>{tr('chart.value')}</Table.Th>
                    <Table.Th>{tr('chart.target')}</Table.Th>
                    <Table.Th>{t('resolutions.rollupView.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ind.units.map((u) => (
                    <Table.Tr key={u.orgId}>
                      <UnitCell orgId={u.orgId} name={u.name} />
                      <Table.Td>
                        {fmt(u.value, ind.unit)} {u.period ? `(${periodName(t, u.period)})` : ''}
                      </Table.Td>
                      <Table.Td>{fmt(u.targetValue, ind.unit)}</Table.Td>
                      <Table.Td>
                        <TrackBadge status={u.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}
    </Stack>
  );
}
