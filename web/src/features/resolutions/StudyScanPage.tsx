// The study session scanner (điểm danh học tập bằng mã QR): staff scan members' cards with the phone's camera or
// type the code printed under the QR; a member without a card is found by name. Live count of the session and
// the unit's share of members who have studied the resolution.
import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate, formatDateTime } from '../../app/format';
import { ScanCodePanel } from '../../ui/ScanCodePanel';
import { CoverageBar } from './StudySection';
import type { StudyCoverage, StudyScanResult, StudySessionDetail } from './types';

/** how often the count is refreshed, for the scans of the other staff at the door */
const LIVE_MS = 5000;

export function StudyScanPage() {
  const { t } = useTranslation();
  const sessionId = Number(useParams().id);
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [last, setLast] = useState<StudyScanResult | null>(null);
  const busy = useRef(false);
  const session = useQuery({ queryKey: ['study-session', sessionId], queryFn: () => api.get<StudySessionDetail>(`/api/study-sessions/${sessionId}`), refetchInterval: LIVE_MS });
  const s = session.data;
  const coverage = useQuery({
    queryKey: ['study-session', sessionId, 'coverage'],
    queryFn: () => api.get<StudyCoverage>(`/api/resolutions/${s!.resolutionId}/study-coverage`, { orgId: s!.orgId }),
    enabled: !!s,
    refetchInterval: LIVE_MS,
  });
  const found = useQuery({
    queryKey: ['study-session', sessionId, 'search', debounced],
    queryFn: () => api.get<{ items: { id: number; fullName: string; orgName: string; cardNumber: string | null }[] }>(`/api/orgs/${s!.orgId}/members`, { scope: 'subtree', search: debounced, pageSize: 20 }),
    enabled: !!s && debounced.length >= 2,
    placeholderData: keepPreviousData,
  });
  // the resolution page's sessions and coverage are stale too once a member is recorded
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['study-session', sessionId] }), client.invalidateQueries({ queryKey: ['study', s?.resolutionId] })]);
  const scan = useMutation({
    mutationFn: (text: string) => api.post<StudyScanResult>(`/api/study-sessions/${sessionId}/attendance/scan`, { code: text }),
    onSuccess: async (r) => {
      setLast(r);
      setCode('');
      await refresh();
    },
    onSettled: () => (busy.current = false),
  });
  const mark = useMutation({
    mutationFn: (m: { id: number; fullName: string; orgName: string; cardNumber: string | null }) =>
      api.post<{ added: number }>(`/api/study-sessions/${sessionId}/attendance`, { memberIds: [m.id], via: 'manual' }).then((r) => ({ created: r.added > 0, member: m, attendees: 0 })),
    onSuccess: async (r) => {
      setLast(r);
      await refresh();
    },
  });
  const submit = (text: string) => {
    if (busy.current || !text.trim()) return;
    busy.current = true;
    scan.mutate(text.trim());
  };

  if (session.isPending) return <Loader aria-label={t('common.loading')} />;
  if (session.error) return <ErrorAlert error={session.error} />;
  const attended = new Set(s!.attendees.map((a) => a.memberId));
  const unit = coverage.data?.unit;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/resolutions/${s!.resolutionId}`} size="sm">
          ‹ {t('resolutions.study.scan.back')}
        </Anchor>
        <Title order={1} size="h2">
          {t('resolutions.study.scan.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('resolutions.study.scan.session', { date: formatDate(s!.heldOn), unit: s!.orgName, place: s!.place })}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('resolutions.study.scan.count')}
          </Text>
          <Text fz={36} fw={700} lh={1.1} data-testid="study-count" aria-live="polite">
            {s!.attendees.length}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed" mb={6}>
            {t('resolutions.study.scan.unitShare', { unit: s!.orgName })}
          </Text>
          {unit ? (
            <div data-testid="study-share">
              <CoverageBar row={unit} />
            </div>
          ) : (
            <Loader size="sm" />
          )}
        </Paper>
      </SimpleGrid>
      {last && (
        <Alert color={last.created ? 'teal' : 'yellow'} variant="filled" role="status" data-testid="scan-result" title={last.created ? t('resolutions.study.scan.done') : t('resolutions.study.scan.already')}>
          <Text fw={700} size="lg">
            {last.member.fullName}
          </Text>
          <Text size="sm">
            {last.member.orgName}
            {last.member.cardNumber ? ` · ${last.member.cardNumber}` : ''}
          </Text>
        </Alert>
      )}
      <ErrorAlert error={scan.error ?? mark.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ScanCodePanel
          labels={{
            title: t('resolutions.study.scan.scanTitle'),
            openCamera: t('resolutions.study.scan.openCamera'),
            camera: t('resolutions.study.scan.camera'),
            cameraError: t('resolutions.study.scan.cameraError'),
            closeCamera: t('resolutions.study.scan.closeCamera'),
            code: t('resolutions.study.scan.code'),
            codeHint: t('resolutions.study.scan.codeHint'),
            submit: t('resolutions.study.scan.submit'),
          }}
          code={code}
          onCodeChange={setCode}
          onCode={submit}
          loading={scan.isPending}
          plainText
        />
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('resolutions.study.scan.searchTitle')}
            </Title>
            <TextInput label={t('resolutions.study.scan.searchName')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
            {found.data && debounced.length >= 2 && (
              <Table verticalSpacing={6} aria-label={t('resolutions.study.scan.searchTitle')}>
                <Table.Tbody>
                  {found.data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td>{t('resolutions.study.scan.none')}</Table.Td>
                    </Table.Tr>
                  )}
                  {found.data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Text fw={500} size="sm">
                          {m.fullName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {m.orgName}
                          {m.cardNumber ? ` · ${m.cardNumber}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        {attended.has(m.id) ? (
                          <Text size="sm" c="teal.9" fw={600}>
                            ✓
                          </Text>
                        ) : (
                          <Button size="xs" onClick={() => mark.mutate(m)} loading={mark.isPending && mark.variables?.id === m.id} aria-label={t('resolutions.study.scan.markName', { name: m.fullName })}>
                            {t('resolutions.study.scan.mark')}
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
      <Title order={2} size="h4">
        {t('resolutions.study.scan.recent')}
      </Title>
      <Table.ScrollContainer minWidth={360}>
        <Table striped>
          <Table.Tbody>
            {[...s!.attendees]
              .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
              .map((a) => (
                <Table.Tr key={a.memberId}>
                  <Table.Td>{a.fullName}</Table.Td>
                  <Table.Td>{a.orgName}</Table.Td>
                  <Table.Td>{t(`resolutions.study.via.${a.via}`)}</Table.Td>
                  <Table.Td>{formatDateTime(a.recordedAt).slice(11)}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
