import { Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format';
import { RES_NS } from './i18n';
import type { Target, TaskFlag, TrackStatus } from './types';

// dark fills keep white text above 4.5:1 contrast
export const STATUS_COLORS: Record<TrackStatus, string> = {
  met: '#0b6b4f',
  on_track: '#1864ab',
  at_risk: '#8f5b00',
  off_track: '#b02a2a',
  missed: '#6b1d1d',
  no_data: '#5c5f66',
};

export function TrackBadge({ status }: { status: TrackStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={STATUS_COLORS[status]} style={{ flex: 'none', minWidth: 'max-content' }}>
      {t(`resolutions.status.${status}`)}
    </Badge>
  );
}

export function TaskFlagBadge({ flag }: { flag: TaskFlag }) {
  const { t } = useTranslation();
  if (!flag) return null;
  return (
    <Badge variant="filled" color={flag === 'overdue' ? '#b02a2a' : '#8f5b00'} style={{ flex: 'none', minWidth: 'max-content' }}>
      {t(`resolutions.flag.${flag}`)}
    </Badge>
  );
}

export function useValueFormat() {
  const { i18n } = useTranslation();
  return (value: number | null | undefined, unit: string) => (value === null || value === undefined ? '—' : `${formatNumber(value, i18n.language)}${unit === '%' ? '%' : ` ${unit}`}`);
}

/** a tiny line of the figures reported so far; decorative, the numbers are in the text beside it */
export function Sparkline({ values, width = 96, height = 24 }: { values: number[]; width?: number; height?: number }) {
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values.map((v, i) => `${(i / (values.length - 1)) * (width - 4) + 2},${height - 2 - ((v - min) / span) * (height - 4)}`).join(' ');
  return (
    <svg width={width} height={height} aria-hidden="true" style={{ flex: 'none' }}>
      <polyline points={points} fill="none" stroke="#1864ab" strokeWidth="2" />
    </svg>
  );
}

export function TargetProgress({ target }: { target: Target }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  const fmt = useValueFormat();
  const pct = Math.round((target.progress ?? 0) * 100);
  const label = t(`resolutions.direction.${target.direction}`);
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Text fw={600} size="sm" style={{ minWidth: 0 }}>
          {target.name}
        </Text>
        <TrackBadge status={target.status} />
      </Group>
      <Tooltip label={t('resolutions.progressLabel', { pct })}>
        <Progress value={pct} color={STATUS_COLORS[target.status]} size="lg" aria-label={t('resolutions.progressLabel', { pct })} />
      </Tooltip>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('resolutions.latest')}: <b>{fmt(target.latest?.value, target.unit)}</b>
          {target.latest ? ` (${target.latest.period})` : ''} · {label} {fmt(target.targetValue, target.unit)} · {target.yearly ? t('resolutions.yearly') : t('resolutions.by', { date: formatDate(target.deadline) })}
          {target.baselineValue !== null ? ` · ${t('resolutions.baseline')}: ${fmt(target.baselineValue, target.unit)}` : ''}
          {target.responsibleBody ? ` · ${tr('target.responsibleBodyShort', { body: target.responsibleBody })}` : ''}
          {target.stale && (
            <Text span size="xs" c="#8f5b00" fw={600}>
              {' '}
              · {tr('target.stale')}
            </Text>
          )}
        </Text>
        <Sparkline values={target.history.map((h) => h.value)} />
      </Group>
    </Stack>
  );
}
