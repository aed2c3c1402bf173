import { useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, request } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate, formatDateTime } from '../../app/format';
import { useIsPhone } from '../../app/useIsPhone';
import { OrgPicker, type PickedOrg } from '../orgs/OrgPicker';
import { ElementsSection } from './ElementsSection';
import { EvidenceFiles } from './EvidenceFiles';
import { TaskCountCards } from './OrgDashboardPage';
import { StudySection } from './StudySection';
import { TargetModal } from './TargetModal';
import { TargetProgress, TaskFlagBadge, useValueFormat } from './parts';
import { RES_NS } from './i18n';
import { linkFromValue, linkLabels, linkValue } from './lib';
import { TASK_STATUSES, type FigureHistoryEntry, type ReminderResult, type ResolutionDetail, type ResponsibleAccount, type Target, type Task, type TaskStatus } from './types';

/** adds a task to the action programme, or edits one (every field, through PATCH /api/tasks/:id); a task carries out a target or an element */
function TaskModal({ resolution, task, onClose }: { resolution: ResolutionDetail; task?: Task; onClose: () => void }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  const phone = useIsPhone();
  const client = useQueryClient();
  const [f, setF] = useState({
    title: task?.title ?? '',
    // both kept as they are until the user picks another link (a task made through the API may carry both)
    link: { targetId: task?.targetId ?? null, elementId: task?.elementId ?? null },
    owner: (task ? { id: task.ownerOrgId, name: task.ownerOrgName } : { id: resolution.orgId, name: resolution.orgName }) as PickedOrg | null,
    responsiblePerson: task?.responsiblePerson ?? '',
    responsibleUserId: task?.responsibleUserId ? String(task.responsibleUserId) : (null as string | null),
    expectedResult: task?.expectedResult ?? '',
    startOn: task?.startOn ?? '',
    dueOn: task?.dueOn ?? '',
    status: (task?.status ?? 'not_started') as TaskStatus,
    evidence: task?.evidence ?? '',
  });
  const ownerId = f.owner?.id ?? 0;
  const accounts = useQuery({ queryKey: ['responsible-accounts', ownerId], queryFn: () => api.get<ResponsibleAccount[]>(`/api/orgs/${ownerId}/responsible-accounts`), enabled: ownerId > 0 });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title: f.title,
        ...f.link,
        ownerOrgId: f.owner?.id ?? 0,
        responsiblePerson: f.responsiblePerson,
        responsibleUserId: f.responsibleUserId ? Number(f.responsibleUserId) : null,
        expectedResult: f.expectedResult,
        startOn: f.startOn || null,
        dueOn: f.dueOn,
        status: f.status,
        evidence: f.evidence.trim() || null,
      };
      return task ? api.patch(`/api/tasks/${task.id}`, body) : api.post(`/api/resolutions/${resolution.id}/tasks`, body);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['resolution', resolution.id] });
      onClose();
    },
  });
  // a task entered by mistake, not started and without evidence, can be removed; the server refuses the others
  const remove = useMutation({
    mutationFn: () => request('DELETE', `/api/tasks/${task!.id}`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['resolution', resolution.id] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={task ? t('resolutions.task.edit') : t('resolutions.task.add')} fullScreen={phone} size="lg">
      <Stack gap="sm">
        <TextInput label={t('resolutions.task.title')} required value={f.title} onChange={(e) => setF({ ...f, title: e.currentTarget.value })} />
        <Select
          label={tr('link.label')}
          description={tr('link.hint')}
          required
          clearable
          searchable
          data={linkLabels(resolution, tr).options}
          value={linkValue(f.link)}
          onChange={(v) => setF({ ...f, link: linkFromValue(v) })}
        />
        <OrgPicker label={t('resolutions.task.owner')} required value={f.owner} onChange={(o) => setF({ ...f, owner: o, responsibleUserId: null })} />
        <TextInput label={t('resolutions.task.responsible')} required value={f.responsiblePerson} onChange={(e) => setF({ ...f, responsiblePerson: e.currentTarget.value })} />
        <Select
          label={t('resolutions.task.account')}
          description={t('resolutions.task.accountHint')}
          clearable
          searchable
          data={(accounts.data ?? []).map((a) => ({ value: String(a.id), label: a.hasEmail ? `${a.displayName} (${a.username}) ✉` : `${a.displayName} (${a.username})` }))}
          value={f.responsibleUserId}
          onChange={(v) => {
            const a = accounts.data?.find((x) => String(x.id) === v);
            setF({ ...f, responsibleUserId: v, responsiblePerson: f.responsiblePerson || (a ? a.displayName : '') });
          }}
        />
        <TextInput label={t('resolutions.task.expected')} required value={f.expectedResult} onChange={(e) => setF({ ...f, expectedResult: e.currentTarget.value })} />
        <SimpleGrid cols={2}>
          <TextInput type="date" label={t('resolutions.task.start')} required value={f.startOn} onChange={(e) => setF({ ...f, startOn: e.currentTarget.value })} />
          <TextInput type="date" label={t('resolutions.task.due')} required value={f.dueOn} onChange={(e) => setF({ ...f, dueOn: e.currentTarget.value })} />
        </SimpleGrid>
        {task && (
          <>
            <Select label={t('resolutions.task.status')} data={TASK_STATUSES.map((v) => ({ value: v, label: t(`resolutions.taskStatus.${v}`) }))} value={f.status} onChange={(v) => setF({ ...f, status: (v ?? f.status) as TaskStatus })} allowDeselect={false} />
            <TextInput label={t('resolutions.task.evidence')} description={t('resolutions.task.evidenceHint')} value={f.evidence} onChange={(e) => setF({ ...f, evidence: e.currentTarget.value })} />
            <EvidenceFiles taskId={task.id} canEdit invalidate={[['resolution', resolution.id]]} />
          </>
        )}
        <ErrorAlert error={save.error ?? remove.error} />
        <Group justify="space-between">
          {task ? (
            <Button color="red" variant="subtle" loading={remove.isPending} onClick={() => window.confirm(tr('task.removeConfirm', { title: task.title })) && remove.mutate()}>
              {tr('task.remove')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** the resolution's header: title, number, kind, adoption date, term, motto (PATCH /api/resolutions/:id) */
function HeaderModal({ resolution, onClose }: { resolution: ResolutionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  const phone = useIsPhone();
  const client = useQueryClient();
  const [f, setF] = useState({
    title: resolution.title,
    number: resolution.number ?? '',
    kind: resolution.kind,
    adoptedOn: resolution.adoptedOn,
    termStart: resolution.termStart as number | string,
    termEnd: resolution.termEnd as number | string,
    motto: resolution.motto ?? '',
  });
  const save = useMutation({
    mutationFn: () =>
      api.patch(`/api/resolutions/${resolution.id}`, {
        kind: f.kind,
        title: f.title,
        number: f.number.trim() || null,
        adoptedOn: f.adoptedOn,
        termStart: Number(f.termStart),
        termEnd: Number(f.termEnd),
        motto: f.motto.trim() || null,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['resolution', resolution.id] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={tr('header.edit')} fullScreen={phone} size="lg">
      <Stack gap="sm">
        <TextInput label={t('resolutions.form.title')} required value={f.title} onChange={(e) => setF({ ...f, title: e.currentTarget.value })} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={tr('header.number')} description={tr('header.numberHint')} value={f.number} onChange={(e) => setF({ ...f, number: e.currentTarget.value })} />
          <Select
            label={t('resolutions.form.kind')}
            data={['congress', 'executive_committee', 'standing_committee'].map((k) => ({ value: k, label: t(`resolutions.kind.${k}`) }))}
            value={f.kind}
            onChange={(v) => setF({ ...f, kind: v ?? f.kind })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t('resolutions.form.adoptedOn')} required value={f.adoptedOn} onChange={(e) => setF({ ...f, adoptedOn: e.currentTarget.value })} />
          <NumberInput label={t('resolutions.form.termStart')} value={f.termStart} onChange={(v) => setF({ ...f, termStart: v })} min={1930} max={2100} />
          <NumberInput label={t('resolutions.form.termEnd')} value={f.termEnd} onChange={(v) => setF({ ...f, termEnd: v })} min={1930} max={2100} />
        </SimpleGrid>
        <TextInput label={t('resolutions.form.motto')} value={f.motto} onChange={(e) => setF({ ...f, motto: e.currentTarget.value })} />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!f.title.trim() || !f.adoptedOn}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function TaskProgressModal({ task, onClose, invalidate }: { task: Task; onClose: () => void; invalidate: unknown[] }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const client = useQueryClient();
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [evidence, setEvidence] = useState(task.evidence ?? '');
  const save = useMutation({
    mutationFn: () => api.post(`/api/tasks/${task.id}/progress`, { status, evidence: evidence || null }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: invalidate });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={task.title} fullScreen={phone}>
      <Stack gap="sm">
        <Select label={t('resolutions.task.status')} data={TASK_STATUSES.map((s) => ({ value: s, label: t(`resolutions.taskStatus.${s}`) }))} value={status} onChange={(v) => setStatus((v ?? status) as TaskStatus)} allowDeselect={false} />
        <TextInput label={t('resolutions.task.evidence')} description={t('resolutions.task.evidenceHint')} value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} />
        <EvidenceFiles taskId={task.id} canEdit invalidate={[invalidate]} />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function TasksTable({
  tasks,
  onUpdate,
  canUpdate = () => true,
  onEdit,
  showResolution,
  linkOf,
}: {
  tasks: Task[];
  onUpdate?: (t: Task) => void;
  /** which tasks the user may report progress on (the owner unit's office, or the task's responsible account) */
  canUpdate?: (t: Task) => boolean;
  onEdit?: (t: Task) => void;
  showResolution?: boolean;
  /** what a task carries out ("Gắn với Chỉ tiêu 3: …"), shown under its title */
  linkOf?: (t: Task) => string | null;
}) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('resolutions.task.title')}</Table.Th>
            <Table.Th>{t('resolutions.task.owner')}</Table.Th>
            <Table.Th>{t('resolutions.task.responsible')}</Table.Th>
            <Table.Th>{t('resolutions.task.due')}</Table.Th>
            <Table.Th>{t('resolutions.task.status')}</Table.Th>
            {(onUpdate || onEdit) && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {task.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {showResolution && task.resolutionTitle ? (
                    <Anchor component={Link} to={`/resolutions/${task.resolutionId}`} size="xs">
                      {task.resolutionTitle}
                    </Anchor>
                  ) : (
                    task.expectedResult
                  )}
                </Text>
                {linkOf?.(task) && (
                  <Text size="xs" c="blue.9" lineClamp={2}>
                    {linkOf(task)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{task.ownerOrgName}</Table.Td>
              <Table.Td>{task.responsiblePerson}</Table.Td>
              <Table.Td>{formatDate(task.dueOn)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{t(`resolutions.taskStatus.${task.status}`)}</Text>
                  <TaskFlagBadge flag={task.flag} />
                </Group>
                {task.evidence && (
                  <Text size="xs" c="dimmed">
                    {task.evidence}
                  </Text>
                )}
                {task.evidenceFiles?.map((f) => (
                  <Anchor key={f.id} href={`/api/tasks/${task.id}/evidence-files/${f.id}`} download={f.fileName} size="xs" display="block" aria-label={tr('evidence.download', { name: f.fileName })} style={{ overflowWrap: 'anywhere' }}>
                    {f.fileName}
                  </Anchor>
                ))}
              </Table.Td>
              {(onUpdate || onEdit) && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {onUpdate && canUpdate(task) && (
                      <Button size="compact-sm" variant="light" onClick={() => onUpdate(task)}>
                        {t('resolutions.task.update')}
                      </Button>
                    )}
                    {onEdit && (
                      <Button size="compact-sm" variant="subtle" onClick={() => onEdit(task)} aria-label={t('resolutions.task.editName', { title: task.title })}>
                        {t('common.edit')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function FigureHistoryModal({ target, onClose }: { target: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useValueFormat();
  const q = useQuery({ queryKey: ['figures', target.id], queryFn: () => api.get<FigureHistoryEntry[]>(`/api/targets/${target.id}/figures`) });
  return (
    <Modal opened onClose={onClose} title={t('resolutions.history.title', { name: target.name })} size="xl">
      {q.isPending ? (
        <Loader />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.length === 0 ? (
        <Text c="dimmed">{t('resolutions.history.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('resolutions.figures.period')}</Table.Th>
                <Table.Th>{t('resolutions.figures.value')}</Table.Th>
                <Table.Th>{t('resolutions.figures.source')}</Table.Th>
                <Table.Th>{t('resolutions.history.enteredBy')}</Table.Th>
                <Table.Th>{t('resolutions.history.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.map((h) => (
                <Table.Tr key={h.id} c={h.current ? undefined : 'dimmed'}>
                  <Table.Td>{h.period}</Table.Td>
                  <Table.Td td={h.current ? undefined : 'line-through'}>{fmt(h.value, target.unit)}</Table.Td>
                  <Table.Td>{h.source}</Table.Td>
                  <Table.Td>
                    {h.enteredBy}, {formatDateTime(h.enteredAt)}
                  </Table.Td>
                  <Table.Td>
                    {h.current ? t('resolutions.history.current') : t('resolutions.history.replaced')}
                    {h.reason ? ` — ${t('resolutions.history.reason', { reason: h.reason })}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Modal>
  );
}

export function ResolutionPage() {
  const { t } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  const id = Number(useParams().id);
  const { canSomewhere, me } = useAuth();
  const [adding, setAdding] = useState(false);
  const [updating, setUpdating] = useState<Task | null>(null);
  const [editingTask, setEditingTask] = useState<Task | null>(null);
  const [history, setHistory] = useState<Target | null>(null);
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const [editingHeader, setEditingHeader] = useState(false);
  const client = useQueryClient();
  const removeTarget = useMutation({
    mutationFn: (x: Target) => request('DELETE', `/api/targets/${x.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['resolution', id] }),
  });
  const remind = useMutation({ mutationFn: () => api.post<ReminderResult>(`/api/resolutions/${id}/reminders`) });
  const q = useQuery({ queryKey: ['resolution', id], queryFn: () => api.get<ResolutionDetail>(`/api/resolutions/${id}`), enabled: id > 0 });
  if (q.isPending) return <Loader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const manage = canSomewhere('resolution.manage');
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/resolutions/org/${r.orgId}`} size="sm">
          {r.orgName}
        </Anchor>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={1} size="h2">
            {r.title}
          </Title>
          {manage && (
            <Button variant="subtle" size="compact-sm" onClick={() => setEditingHeader(true)} aria-label={tr('header.edit')} style={{ flex: 'none' }}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {r.number ? `${tr('header.numbered', { number: r.number })} · ` : ''}
          {t(`resolutions.kind.${r.kind}`)} · {t('resolutions.adopted', { date: formatDate(r.adoptedOn) })} · {t('resolutions.term', { from: r.termStart, to: r.termEnd })}
        </Text>
        {r.motto && <Text fs="italic">“{r.motto}”</Text>}
      </div>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('resolutions.targetsTitle')}
        </Title>
        {manage && (
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('resolutions.targetForm.add')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {r.targets.map((target) => (
          <Paper key={target.id} withBorder p="sm">
            <TargetProgress target={target} />
            <Group gap={4} mt={4}>
              <Button variant="subtle" size="compact-xs" onClick={() => setHistory(target)}>
                {t('resolutions.history.open')}
              </Button>
              {manage && (
                <Button variant="subtle" size="compact-xs" onClick={() => setEditing(target)}>
                  {t('common.edit')}
                </Button>
              )}
              {manage && (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-xs"
                  aria-label={tr('target.removeOne', { name: target.name })}
                  onClick={() => window.confirm(tr('target.removeConfirm', { name: target.name })) && removeTarget.mutate(target)}
                >
                  {tr('target.remove')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
      <ErrorAlert error={removeTarget.error} />
      <ElementsSection resolution={r} manage={manage} />
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('resolutions.programme')}
        </Title>
        {manage && (
          <Group gap="xs">
            <Button variant="light" onClick={() => remind.mutate()} loading={remind.isPending}>
              {t('resolutions.reminders.send')}
            </Button>
            <Button onClick={() => setAdding(true)}>{t('resolutions.task.add')}</Button>
          </Group>
        )}
      </Group>
      <ErrorAlert error={remind.error} />
      {remind.data && (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => remind.reset()}>
          {t('resolutions.reminders.sent', { count: remind.data.inApp, email: remind.data.email })}
          {!remind.data.emailConfigured && ` ${t('resolutions.reminders.noSmtp')}`}
          {remind.data.skipped.noAccount > 0 && ` ${t('resolutions.reminders.noAccount', { count: remind.data.skipped.noAccount })}`}
          {remind.data.skipped.alreadyToday > 0 && ` ${t('resolutions.reminders.alreadyToday', { count: remind.data.skipped.alreadyToday })}`}
          {remind.data.emailFailed > 0 && ` ${t('resolutions.reminders.emailFailed', { count: remind.data.emailFailed })}`}
        </Alert>
      )}
      <TaskCountCards counts={r.taskCounts} />
      {r.tasks.length ? <TasksTable tasks={r.tasks} linkOf={linkLabels(r, tr).ofTask} onUpdate={setUpdating} canUpdate={(x) => manage || x.responsibleUserId === me?.user.id} onEdit={manage ? setEditingTask : undefined} /> : <Text c="dimmed">{t('resolutions.noTasks')}</Text>}
      <StudySection resolution={r} manage={manage} />
      {adding && <TaskModal resolution={r} onClose={() => setAdding(false)} />}
      {editingTask && <TaskModal resolution={r} task={editingTask} onClose={() => setEditingTask(null)} />}
      {updating && <TaskProgressModal task={updating} onClose={() => setUpdating(null)} invalidate={['resolution', id]} />}
      {editing && <TargetModal resolutionId={r.id} target={editing === 'new' ? null : editing} termEnd={r.termEnd} onClose={() => setEditing(null)} />}
      {history && <FigureHistoryModal target={history} onClose={() => setHistory(null)} />}
      {editingHeader && <HeaderModal resolution={r} onClose={() => setEditingHeader(false)} />}
    </Stack>
  );
}
