import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate } from '../../app/format';
import { TargetProgress, TaskFlagBadge } from './parts';
import type { Dashboard, TaskCounts } from './types';

export function TaskCountCards({ counts }: { counts: TaskCounts }) {
  const { t } = useTranslation();
  const items: [keyof TaskCounts, string][] = [
    ['not_started', '#5c5f66'],
    ['in_progress', '#1864ab'],
    ['done', '#0b6b4f'],
    ['cancelled', '#868e96'],
    ['overdue', '#b02a2a'],
    ['at_risk', '#8f5b00'],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs">
      {items.map(([k, color]) => (
        <Paper key={k} withBorder p="xs" radius="sm">
          <Text size="xs" c="dimmed">
            {t(`resolutions.taskCount.${k}`)}
          </Text>
          <Text fw={700} size="xl" c={color}>
            {counts[k]}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function OrgDashboardPage() {
  const { t } = useTranslation();
  const orgId = Number(useParams().id);
  const { canSomewhere } = useAuth();
  const q = useQuery({ queryKey: ['resolution-dashboard', orgId], queryFn: () => api.get<Dashboard>(`/api/orgs/${orgId}/resolution-dashboard`), enabled: orgId > 0 });
  if (q.isPending) return <Loader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const manage = canSomewhere('resolution.manage');
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" c="dimmed">
          {t('resolutions.dashboard')}
        </Text>
        <Title order={1} size="h2">
          {d.org.name}
        </Title>
      </div>
      <Group gap="xs">
        {manage && (
          <Button component={Link} to={`/resolutions/org/${orgId}/new`}>
            {t('resolutions.record')}
          </Button>
        )}
        {manage && (
          <Button component={Link} to={`/resolutions/org/${orgId}/figures`} variant="light">
            {t('resolutions.enterFigures')}
          </Button>
        )}
        <Button component={Link} to={`/resolutions/org/${orgId}/rollup`} variant="light">
          {t('resolutions.rollup')}
        </Button>
        <Button component="a" href={`/api/orgs/${orgId}/resolution-dashboard.pdf`} variant="light" download>
          {t('resolutions.exports.dashboardPdf')}
        </Button>
      </Group>
      <Title order={2} size="h4">
        {t('resolutions.tasksTitle')}
      </Title>
      <TaskCountCards counts={d.taskCounts} />
      {d.resolutions.length === 0 && <Text c="dimmed">{t('resolutions.none')}</Text>}
      {d.resolutions.map((r) => (
        <Paper key={r.id} withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/resolutions/${r.id}`} fw={700}>
                  {r.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('resolutions.adopted', { date: formatDate(r.adoptedOn) })} · {t('resolutions.term', { from: r.termStart, to: r.termEnd })}
                </Text>
                {r.motto && (
                  <Text size="sm" fs="italic">
                    “{r.motto}”
                  </Text>
                )}
              </div>
              <Badge variant="light">{t('resolutions.targetCount', { count: r.targets.length })}</Badge>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {r.targets.map((target) => (
                <TargetProgress key={target.id} target={target} />
              ))}
            </SimpleGrid>
          </Stack>
        </Paper>
      ))}
      {d.openTasks.length > 0 && (
        <>
          <Title order={2} size="h4">
            {t('resolutions.openTasks')}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('resolutions.task.title')}</Table.Th>
                  <Table.Th>{t('resolutions.task.responsible')}</Table.Th>
                  <Table.Th>{t('resolutions.task.due')}</Table.Th>
                  <Table.Th>{t('resolutions.task.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.openTasks.map((task) => (
                  <Table.Tr key={task.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/resolutions/${task.resolutionId}`}>
                        {task.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{task.responsiblePerson}</Table.Td>
                    <Table.Td>{formatDate(task.dueOn)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {t(`resolutions.taskStatus.${task.status}`)} <TaskFlagBadge flag={task.flag} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
