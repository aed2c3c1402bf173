import { Alert, Anchor, Breadcrumbs, Button, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate, formatDateTime } from '../../app/format';
import { CongressFormModal } from './CongressFormModal';
import { StatusTag } from './CongressListPage';
import { SeatsTab } from './SeatsTab';
import { DelegatesTab } from './DelegatesTab';
import { CredentialsTab } from './CredentialsTab';
import { WorkingBodiesTab } from './WorkingBodiesTab';
import { DocumentsTab } from './DocumentsTab';
import type { Congress, Session } from './types';
import '../voting/i18n';

/** on a phone the tabs scroll sideways: the one opened (from a link, ?tab=…) is brought into view */
const showActiveTab = (list: HTMLDivElement | null) => {
  const active = list?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
  if (list && active && (active.offsetLeft + active.offsetWidth > list.scrollLeft + list.clientWidth || active.offsetLeft < list.scrollLeft)) list.scrollLeft = active.offsetLeft - 12;
};

/** GET /api/congresses/:id: orgPathIds are the ids on the organisation's path, for the per-organisation permission check */
/** warnings: rules the congress's facts do not meet yet (the 30 working days' notice of the opening) */
export type CongressDetail = Congress & { sessions: Session[]; orgPathIds: number[]; warnings?: { code: string; message: string }[] };

export function useCongress(id: number) {
  return useQuery({ queryKey: ['congress', id], queryFn: () => api.get<CongressDetail>(`/api/congresses/${id}`), enabled: Number.isInteger(id) && id > 0 });
}

export function CongressPage() {
  const { t } = useTranslation('congress');
  const { id } = useParams();
  const congressId = Number(id);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'overview';
  const { can } = useAuth();
  const [editOpened, edit] = useDisclosure(false);
  const q = useCongress(congressId);
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const c = q.data;
  // the buttons follow the user's roles on this congress's organisation (the server decides again)
  const canManage = can('congress.manage', c.orgPathIds) && c.status !== 'closed';

  const facts: [string, ReactNode][] = [
    [t('fields.org'), <Anchor component={Link} to={`/orgs/${c.orgId}`}>{c.orgName}</Anchor>],
    [t('fields.kind'), t(`kind.${c.kind}`)],
    [t('fields.term'), c.term ?? '—'],
    [t('fields.dates'), c.closesOn !== c.opensOn ? `${formatDate(c.opensOn)} – ${formatDate(c.closesOn)}` : formatDate(c.opensOn)],
    [t('fields.venue'), c.venue ?? '—'],
    [t('fields.motto'), c.motto ?? '—'],
    [t('fields.plannedSeats'), c.plannedSeats ?? '—'],
    [t('fields.quorum'), `${c.quorumNumerator}/${c.quorumDenominator}`],
  ];

  // the tabs after the overview, in their order
  const sections: [string, ReactNode][] = [
    ['seats', <SeatsTab congress={c} canManage={canManage} />],
    ['delegates', <DelegatesTab congress={c} canManage={canManage} />],
    ['credentials', <CredentialsTab congressId={c.id} />],
    ['bodies', <WorkingBodiesTab congress={c} canManage={canManage} />],
    ['documents', <DocumentsTab congress={c} canManage={canManage} />],
  ];

  return (
    <Stack gap="md">
      <Breadcrumbs separator="›" separatorMargin={4} style={{ flexWrap: 'wrap', rowGap: 4 }} aria-label={t('breadcrumbs')}>
        <Anchor component={Link} to="/congress" size="sm">
          {t('list.title')}
        </Anchor>
        <Anchor component={Link} to={`/congress?orgId=${c.orgId}`} size="sm">
          {c.orgName}
        </Anchor>
      </Breadcrumbs>
      <Group gap="xs" align="center" justify="space-between">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {c.title}
        </Title>
        <StatusTag status={c.status} />
      </Group>
      <Group gap="xs" wrap="wrap">
        <Button component={Link} to={`/congress/${c.id}/checkin`} variant="filled">
          {t('nav.checkin')}
        </Button>
        <Button component={Link} to={`/congress/${c.id}/console`} variant="light">
          {t('nav.console')}
        </Button>
        <Button component={Link} to={`/congress/${c.id}/voting`} variant="light">
          {t('page.link', { ns: 'voting' })}
        </Button>
        <Button component="a" href={`/congress/${c.id}/projector`} target="_blank" rel="noopener" variant="light">
          {t('nav.projector')}
        </Button>
        <Button component="a" href={`/api/congresses/${c.id}/minutes.docx`} variant="default">
          {t('nav.minutes')}
        </Button>
        {canManage && (
          <Button variant="default" onClick={edit.open}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          next.set('tab', v ?? 'overview');
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }} ref={showActiveTab}>
          <Tabs.Tab value="overview">{t('tabs.overview')}</Tabs.Tab>
          {sections.map(([value]) => (
            <Tabs.Tab key={value} value={value}>
              {t(`tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Stack gap="md">
            {(c.warnings ?? []).map((w) => (
              <Alert key={w.code} color="yellow" variant="light" data-testid={`warning-${w.code}`}>
                {w.message}
              </Alert>
            ))}
            <Paper withBorder p="md">
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
                {facts.map(([label, value]) => (
                  <div key={label}>
                    <Text component="dt" size="sm" c="dimmed">
                      {label}
                    </Text>
                    <Text component="dd" m={0} fw={500}>
                      {value}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="sessions-title">
              <Title order={2} size="h4" id="sessions-title" mb="xs">
                {t('fields.sessions')}
              </Title>
              {c.sessions.length === 0 ? (
                <Text>{t('overview.noSessions')}</Text>
              ) : (
                <Stack gap={4}>
                  {c.sessions.map((s) => (
                    <Text key={s.id}>
                      <b>{s.title || t(`sessionKind.${s.kind}`)}</b> — {formatDateTime(s.startsAt)}
                      {s.endsAt ? ` – ${formatDateTime(s.endsAt).slice(11)}` : ''}
                    </Text>
                  ))}
                </Stack>
              )}
            </Paper>
          </Stack>
        </Tabs.Panel>
        {sections.map(([value, panel]) => (
          <Tabs.Panel key={value} value={value} pt="md">
            {panel}
          </Tabs.Panel>
        ))}
      </Tabs>
      <CongressFormModal opened={editOpened} onClose={edit.close} orgId={c.orgId} orgName={c.orgName} congress={c} sessions={c.sessions} />
    </Stack>
  );
}
