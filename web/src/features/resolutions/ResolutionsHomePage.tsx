import { useState } from 'react';
import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { OrgPicker, type PickedOrg } from '../orgs/OrgPicker';
import { TaskProgressModal, TasksTable } from './ResolutionPage';
import { RES_NS } from './i18n';
import type { Task } from './types';

/** the entry of "Theo dõi thực hiện Nghị quyết": pick a unit, and the open tasks of the units one manages ("my tasks") */
export function ResolutionsHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const [updating, setUpdating] = useState<Task | null>(null);
  const { canSomewhere, me } = useAuth();
  const manage = canSomewhere('resolution.manage');
  const { t: tr } = useTranslation(RES_NS);
  const tasks = useQuery({ queryKey: ['my-tasks'], queryFn: () => api.get<Task[]>('/api/my-tasks') });
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('resolutions.title')}
      </Title>
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm">
          <div style={{ flex: '1 1 260px' }}>
            <OrgPicker label={t('resolutions.pickOrg')} value={org} onChange={setOrg} />
          </div>
          <Button disabled={!org} onClick={() => org && navigate(`/resolutions/org/${org.id}`)}>
            {t('resolutions.openDashboard')}
          </Button>
          <Button variant="light" disabled={!org} onClick={() => org && navigate(`/resolutions/org/${org.id}/rollup`)}>
            {t('resolutions.rollup')}
          </Button>
        </Group>
      </Paper>
      <Title order={2} size="h4">
        {t('resolutions.myTasks')}
      </Title>
      <Text size="sm" c="dimmed">
        {tr('myTasks.hint')}
      </Text>
      {tasks.isPending ? <Loader /> : tasks.error ? <ErrorAlert error={tasks.error} /> : tasks.data.length ? <TasksTable tasks={tasks.data} onUpdate={setUpdating} canUpdate={(x) => manage || x.responsibleUserId === me?.user.id} showResolution /> : <Text c="dimmed">{t('resolutions.noTasks')}</Text>}
      {updating && <TaskProgressModal task={updating} onClose={() => setUpdating(null)} invalidate={['my-tasks']} />}
    </Stack>
  );
}
