import { Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from './lib';
import type { Attendance } from './types';

/** present / convened and the quorum rule, as the hall sees it */
export function AttendanceCard({ attendance }: { attendance: Attendance }) {
  const { t } = useTranslation('congress');
  const a = attendance;
  return (
    <Paper withBorder p="md" role="status" aria-live="polite" data-testid="attendance">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700} size="xl" style={{ whiteSpace: 'nowrap' }}>
            {t('room.presentOf', { present: a.present, convened: a.convened })}
          </Text>
          <Badge variant="filled" color={a.met ? '#0b6b4f' : '#a00b0a'} size="lg" style={{ flex: 'none', maxWidth: '100%' }}>
            {a.met ? t('room.quorumMet') : t('room.quorumNotMet')}
          </Badge>
        </Group>
        <Progress value={a.convened ? (a.present * 100) / a.convened : 0} color={a.met ? 'teal.8' : 'red.8'} aria-hidden />
        <Text size="sm" c="dimmed">
          {t('room.quorumRule', { rule: a.rule, required: a.required })}
          {a.alternatesPresent ? ` · ${t('room.alternatesPresent', { count: a.alternatesPresent })}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {t('room.quorumNote')}
        </Text>
      </Stack>
    </Paper>
  );
}

export function LiveBadge({ status }: { status: LiveStatus }) {
  const { t } = useTranslation('congress');
  return (
    <Badge variant="dot" color={status === 'live' ? 'teal' : status === 'offline' ? 'red' : 'yellow'} aria-live="polite">
      {t(`live.${status}`)}
    </Badge>
  );
}

/** a dialog's Cancel and Save: Save submits the dialog's form, or calls onSave when the dialog has none */
export function DialogButtons({ onCancel, onSave, saving, disabled, saveLabel }: { onCancel: () => void; onSave?: () => void; saving: boolean; disabled?: boolean; saveLabel?: string }) {
  const { t } = useTranslation('congress');
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type={onSave ? 'button' : 'submit'} onClick={onSave} loading={saving} disabled={disabled}>
        {saveLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
