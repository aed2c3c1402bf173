// Studying the resolution (học tập, quán triệt): sessions, attendance, and the share of members who have studied it by unit.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, FileInput, Group, Loader, Modal, Progress, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { downloadPost } from '../congress/lib';
import { ApiError, api, request, upload } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate } from '../../app/format';
import { useIsPhone } from '../../app/useIsPhone';
import { OrgPicker, type PickedOrg } from '../orgs/OrgPicker';
import { STUDY_FORMS, type ResolutionDetail, type StudyCoverage, type StudyCoverageRow, type StudySession, type StudySessionDetail } from './types';

interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

const MET = '#0b6b4f';
const NOT_MET = '#b02a2a';

function SessionModal({ resolution, onClose }: { resolution: ResolutionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const client = useQueryClient();
  const [f, setF] = useState({ org: { id: resolution.orgId, name: resolution.orgName } as PickedOrg | null, heldOn: '', place: '', form: 'in_person' as string });
  const save = useMutation({
    mutationFn: () => api.post(`/api/resolutions/${resolution.id}/study-sessions`, { orgId: f.org?.id ?? resolution.orgId, heldOn: f.heldOn, place: f.place, form: f.form }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['study', resolution.id] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('resolutions.study.addSession')} fullScreen={phone}>
      <Stack gap="sm">
        <OrgPicker label={t('resolutions.study.unit')} required value={f.org} onChange={(o) => setF({ ...f, org: o })} description={t('resolutions.study.unitHint')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput type="date" label={t('resolutions.study.heldOn')} required value={f.heldOn} onChange={(e) => setF({ ...f, heldOn: e.currentTarget.value })} />
          <Select label={t('resolutions.study.form')} data={STUDY_FORMS.map((v) => ({ value: v, label: t(`resolutions.study.forms.${v}`) }))} value={f.form} onChange={(v) => setF({ ...f, form: v ?? f.form })} allowDeselect={false} />
        </SimpleGrid>
        <TextInput label={t('resolutions.study.place')} required value={f.place} onChange={(e) => setF({ ...f, place: e.currentTarget.value })} />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!f.heldOn || !f.place.trim()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AttendanceModal({ session, resolutionId, manage, onClose }: { session: StudySession; resolutionId: number; manage: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [file, setFile] = useState<File | null>(null);
  const [fileState, setFileState] = useState<{ error: unknown; problems: ImportProblem[] } | { added: number } | null>(null);
  const [uploading, setUploading] = useState(false);
  const detail = useQuery({ queryKey: ['study', resolutionId, 'session', session.id], queryFn: () => api.get<StudySessionDetail>(`/api/study-sessions/${session.id}`) });
  const members = useQuery({
    queryKey: ['study', resolutionId, 'roster', session.orgId, search],
    queryFn: () => api.get<{ total: number; items: { id: number; fullName: string; orgName: string; cardNumber: string | null }[] }>(`/api/orgs/${session.orgId}/members`, { scope: 'subtree', search: search || undefined, pageSize: 100 }),
    enabled: manage,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['study', resolutionId] });
  const save = useMutation({
    mutationFn: () => api.post<{ added: number }>(`/api/study-sessions/${session.id}/attendance`, { memberIds: [...picked], via: 'manual' }),
    onSuccess: async () => {
      setPicked(new Set());
      await refresh();
    },
  });
  const sendFile = async () => {
    if (!file) return;
    setUploading(true);
    try {
      const r = await upload<{ added: number }>(`/api/study-sessions/${session.id}/attendance/import`, file, () => undefined);
      setFileState({ added: r.added });
      setFile(null);
      await refresh();
    } catch (e) {
      const problems = e instanceof ApiError && Array.isArray(e.details) ? (e.details as ImportProblem[]).filter((p) => typeof p?.message === 'string') : [];
      setFileState({ error: e, problems });
    } finally {
      setUploading(false);
    }
  };
  const takeOff = useMutation({
    mutationFn: (memberId: number) => request('DELETE', `/api/study-sessions/${session.id}/attendance/${memberId}`),
    onSuccess: refresh,
  });
  const attended = new Set(detail.data?.attendees.map((a) => a.memberId) ?? []);
  return (
    <Modal opened onClose={onClose} size="xl" fullScreen={phone} title={t('resolutions.study.attendanceTitle', { date: formatDate(session.heldOn), unit: session.orgName })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        {manage && (
          <>
            <Title order={3} size="h5">
              {t('resolutions.study.markTitle')}
            </Title>
            <TextInput label={t('resolutions.study.searchMember')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
            <ScrollArea.Autosize mah={260} type="auto">
              {members.isPending ? (
                <Loader size="sm" />
              ) : (
                <Stack gap={6}>
                  {members.data?.items.map((m) => (
                    <Checkbox
                      key={m.id}
                      label={`${m.fullName} — ${m.orgName}${m.cardNumber ? ` (${m.cardNumber})` : ''}`}
                      checked={attended.has(m.id) || picked.has(m.id)}
                      disabled={attended.has(m.id)}
                      onChange={(e) => {
                        const next = new Set(picked);
                        if (e.currentTarget.checked) next.add(m.id);
                        else next.delete(m.id);
                        setPicked(next);
                      }}
                    />
                  ))}
                </Stack>
              )}
            </ScrollArea.Autosize>
            <ErrorAlert error={save.error} />
            <Group justify="flex-end">
              <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!picked.size}>
                {t('resolutions.study.markSave', { count: picked.size })}
              </Button>
            </Group>
            <Title order={3} size="h5">
              {t('resolutions.study.importTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('resolutions.study.importHint')}
            </Text>
            <Group align="flex-end" gap="sm">
              <FileInput style={{ flex: 1, minWidth: 200 }} label={t('import.file')} placeholder={t('import.choose')} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" value={file} onChange={setFile} clearable />
              <Button onClick={sendFile} disabled={!file} loading={uploading}>
                {t('import.start')}
              </Button>
            </Group>
            {fileState && 'added' in fileState && (
              <Alert color="teal" variant="light" role="status">
                {t('resolutions.study.importDone', { count: fileState.added })}
              </Alert>
            )}
            {fileState && 'error' in fileState && (
              <>
                <ErrorAlert error={fileState.error} title={t('import.failedTitle')} />
                {fileState.problems.length > 0 && (
                  <ScrollArea.Autosize mah={240} type="auto">
                    <Table striped withTableBorder aria-label={t('import.problems')}>
                      <Table.Tbody>
                        {fileState.problems.map((p, i) => (
                          <Table.Tr key={i}>
                            <Table.Td>{p.row}</Table.Td>
                            <Table.Td>{p.message}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollArea.Autosize>
                )}
              </>
            )}
          </>
        )}
        <Title order={3} size="h5">
          {t('resolutions.study.attendees', { count: detail.data?.attendees.length ?? 0 })}
        </Title>
        {detail.isPending ? (
          <Loader size="sm" />
        ) : detail.error ? (
          <ErrorAlert error={detail.error} />
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Tbody>
                {detail.data.attendees.map((a) => (
                  <Table.Tr key={a.memberId}>
                    <Table.Td>{a.fullName}</Table.Td>
                    <Table.Td>{a.orgName}</Table.Td>
                    <Table.Td>{t(`resolutions.study.via.${a.via}`)}</Table.Td>
                    {manage && (
                      <Table.Td>
                        <Button
                          variant="subtle"
                          color="red"
                          size="compact-xs"
                          aria-label={t('resolutions.study.takeOffName', { name: a.fullName })}
                          loading={takeOff.isPending && takeOff.variables === a.memberId}
                          onClick={() => takeOff.mutate(a.memberId)}
                        >
                          {t('resolutions.study.takeOff')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {takeOff.error && <ErrorAlert error={takeOff.error} />}
      </Stack>
    </Modal>
  );
}

export function CoverageBar({ row }: { row: StudyCoverageRow }) {
  const { t } = useTranslation();
  const pct = row.share === null ? 0 : Math.round(row.share * 1000) / 10;
  const label = row.share === null ? t('resolutions.study.noMembers') : t('resolutions.study.shareLabel', { pct, studied: row.studied, members: row.members });
  return (
    <Stack gap={2}>
      <Progress value={pct} color={row.status === 'met' ? MET : NOT_MET} size="lg" aria-label={label} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

function StatusBadge({ row }: { row: StudyCoverageRow }) {
  const { t } = useTranslation();
  if (row.status === 'no_members') return <Badge variant="outline" color="gray">{t('resolutions.study.status.no_members')}</Badge>;
  return (
    <Badge variant="filled" color={row.status === 'met' ? MET : NOT_MET} style={{ flex: 'none', minWidth: 'max-content' }}>
      {t(`resolutions.study.status.${row.status}`)}
    </Badge>
  );
}

function Coverage({ resolutionId }: { resolutionId: number }) {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<number | null>(null);
  const q = useQuery({ queryKey: ['study', resolutionId, 'coverage', orgId], queryFn: () => api.get<StudyCoverage>(`/api/resolutions/${resolutionId}/study-coverage`, { orgId: orgId ?? undefined }) });
  if (q.isPending) return <Loader size="sm" />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          {c.parentId !== null && (
            <Anchor component="button" size="sm" onClick={() => setOrgId(c.parentId)}>
              ← {t('resolutions.study.up')}
            </Anchor>
          )}
          <Text fw={600}>{c.unit.name}</Text>
        </div>
        <StatusBadge row={c.unit} />
      </Group>
      <CoverageBar row={c.unit} />
      <Text size="xs" c="dimmed">
        {t('resolutions.study.basis')}
      </Text>
      {c.children.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table striped aria-label={t('resolutions.study.coverageTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('resolutions.study.unit')}</Table.Th>
                <Table.Th w="45%">{t('resolutions.study.share')}</Table.Th>
                <Table.Th>{t('resolutions.study.target')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.children.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    {u.hasChildren ? (
                      <Anchor component="button" size="sm" onClick={() => setOrgId(u.id)}>
                        {u.name}
                      </Anchor>
                    ) : (
                      <Text size="sm">{u.name}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <CoverageBar row={u} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge row={u} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export function StudySection({ resolution, manage }: { resolution: ResolutionDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<StudySession | null>(null);
  const { me } = useAuth();
  const cards = useMutation({ mutationFn: (orgId: number) => downloadPost(`/api/orgs/${orgId}/member-cards.pdf`, {}, me?.csrfToken, 'the-diem-danh.pdf') });
  const sessions = useQuery({ queryKey: ['study', resolution.id, 'sessions'], queryFn: () => api.get<StudySession[]>(`/api/resolutions/${resolution.id}/study-sessions`) });
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: number) => request('DELETE', `/api/study-sessions/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['study', resolution.id] }),
  });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('resolutions.study.title')}
        </Title>
        {manage && (
          <Button variant="light" onClick={() => setAdding(true)}>
            {t('resolutions.study.addSession')}
          </Button>
        )}
      </Group>
      <Title order={3} size="h5">
        {t('resolutions.study.coverageTitle')}
      </Title>
      <Coverage resolutionId={resolution.id} />
      <Title order={3} size="h5">
        {t('resolutions.study.sessionsTitle')}
      </Title>
      <ErrorAlert error={cards.error} />
      {sessions.isPending ? (
        <Loader size="sm" />
      ) : sessions.error ? (
        <ErrorAlert error={sessions.error} />
      ) : sessions.data.length === 0 ? (
        <Text c="dimmed">{t('resolutions.study.noSessions')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('resolutions.study.heldOn')}</Table.Th>
                <Table.Th>{t('resolutions.study.unit')}</Table.Th>
                <Table.Th>{t('resolutions.study.place')}</Table.Th>
                <Table.Th>{t('resolutions.study.form')}</Table.Th>
                <Table.Th>{t('resolutions.study.attendeesShort')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDate(s.heldOn)}</Table.Td>
                  <Table.Td>{s.orgName}</Table.Td>
                  <Table.Td>{s.place}</Table.Td>
                  <Table.Td>{t(`resolutions.study.forms.${s.form}`)}</Table.Td>
                  <Table.Td>{s.attendees}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button variant="subtle" size="compact-xs" onClick={() => setOpen(s)}>
                        {manage ? t('resolutions.study.mark') : t('resolutions.study.view')}
                      </Button>
                      {manage && (
                        <>
                          <Button component={Link} to={`/resolutions/study-sessions/${s.id}/scan`} variant="subtle" size="compact-xs">
                            {t('resolutions.study.scanOpen')}
                          </Button>
                          <Button variant="subtle" size="compact-xs" title={t('resolutions.study.printCardsHint', { unit: s.orgName })} loading={cards.isPending && cards.variables === s.orgId} onClick={() => cards.mutate(s.orgId)}>
                            {t('resolutions.study.printCards')}
                          </Button>
                          {s.attendees === 0 && (
                            <Button
                              variant="subtle"
                              color="red"
                              size="compact-xs"
                              aria-label={t('resolutions.study.removeSessionOf', { date: formatDate(s.heldOn) })}
                              loading={remove.isPending && remove.variables === s.id}
                              onClick={() => remove.mutate(s.id)}
                            >
                              {t('resolutions.study.removeSession')}
                            </Button>
                          )}
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {remove.error && <ErrorAlert error={remove.error} />}
      {adding && <SessionModal resolution={resolution} onClose={() => setAdding(false)} />}
      {open && <AttendanceModal session={open} resolutionId={resolution.id} manage={manage} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
