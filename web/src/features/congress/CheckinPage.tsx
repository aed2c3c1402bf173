import { Alert, Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDateTime } from '../../app/format';
import { ScanCodePanel } from '../../ui/ScanCodePanel';
import { useLiveRoom } from './lib';
import { AttendanceCard, LiveBadge } from './parts';
import type { Attendance, Delegate } from './types';

interface CheckinResult {
  created: boolean;
  checkedInAt: string;
  delegate: { id: number; number: number; fullName: string; class: string; unitOrgName: string | null };
  attendance: Attendance;
}

export function CheckinPage() {
  const { t } = useTranslation('congress');
  const congressId = Number(useParams().id);
  const client = useQueryClient();
  const room = useLiveRoom(`/api/congresses/${congressId}/room`, `/api/congresses/${congressId}/events`, ['room', congressId]);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [code, setCode] = useState('');
  const [last, setLast] = useState<CheckinResult | null>(null);
  const busy = useRef(false);
  const found = useQuery({
    queryKey: ['congress', congressId, 'delegates', 'desk', debounced],
    queryFn: () => api.get<Delegate[]>(`/api/congresses/${congressId}/delegates`, { search: debounced, limit: 20 }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
  });
  const checkin = useMutation({
    mutationFn: (body: { token: string } | { delegateId: number }) => api.post<CheckinResult>(`/api/congresses/${congressId}/checkins`, body),
    onSuccess: (r) => {
      setLast(r);
      setCode('');
      client.setQueryData(['room', congressId], (old: unknown) => (old ? { ...(old as object), attendance: r.attendance } : old));
      void client.invalidateQueries({ queryKey: ['congress', congressId, 'delegates'] });
    },
    onSettled: () => (busy.current = false),
  });
  const submitToken = (text: string) => {
    if (busy.current || !text.trim()) return;
    busy.current = true;
    checkin.mutate({ token: text.trim() });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Anchor component={Link} to={`/congress/${congressId}`} size="sm">
            ‹ {room.data?.congress.title ?? t('list.title')}
          </Anchor>
          <Title order={1} size="h2">
            {t('checkin.title')}
          </Title>
        </div>
        <LiveBadge status={room.status} />
      </Group>
      {room.isError && <ErrorAlert error={room.error} />}
      {room.data ? <AttendanceCard attendance={room.data.attendance} /> : <Loader aria-label={t('common.loading')} />}
      {last && (
        <Alert color={last.created ? 'teal' : 'yellow'} variant="filled" role="status" data-testid="checkin-result" title={last.created ? t('checkin.done') : t('checkin.already')}>
          <Text fw={700} size="lg">
            {last.delegate.number}. {last.delegate.fullName}
          </Text>
          <Text size="sm">
            {t(`class.${last.delegate.class}`)}
            {last.delegate.unitOrgName ? ` · ${last.delegate.unitOrgName}` : ''} · {formatDateTime(last.checkedInAt).slice(11)}
          </Text>
        </Alert>
      )}
      <ErrorAlert error={checkin.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ScanCodePanel
          labels={{ title: t('checkin.scanTitle'), openCamera: t('checkin.openCamera'), camera: t('checkin.camera'), cameraError: t('checkin.cameraError'), closeCamera: t('checkin.closeCamera'), code: t('checkin.code'), codeHint: t('checkin.codeHint'), submit: t('checkin.submit') }}
          code={code}
          onCodeChange={setCode}
          onCode={submitToken}
          loading={checkin.isPending}
        />
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('checkin.searchTitle')}
            </Title>
            <TextInput label={t('checkin.searchName')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
            {found.data && debounced.length >= 2 && (
              <Table verticalSpacing={6} aria-label={t('checkin.searchTitle')}>
                <Table.Tbody>
                  {found.data.length === 0 && (
                    <Table.Tr>
                      <Table.Td>{t('delegates.none')}</Table.Td>
                    </Table.Tr>
                  )}
                  {found.data.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Text fw={500} size="sm">
                          {d.number}. {d.fullName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`class.${d.class}`)} · {d.unitOrgName ?? ''}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {d.checkedInAt ? (
                          <Text size="sm" c="teal.9" fw={600}>
                            ✓ {formatDateTime(d.checkedInAt).slice(11)}
                          </Text>
                        ) : (
                          <Button size="xs" onClick={() => checkin.mutate({ delegateId: d.id })} disabled={d.status !== 'active'} aria-label={t('checkin.checkinName', { name: d.fullName })}>
                            {t('checkin.checkin')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
