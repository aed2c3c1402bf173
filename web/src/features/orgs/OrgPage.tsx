import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate, formatNumber, todayInVietnam } from '../../app/format';
import { MembersSection } from '../members/MembersSection';
import { LeadersSection } from '../voting/LeadersSection';
import { RestructureActions } from './RestructureActions';
import type { Decision, HistoryEntry, OrgDetail } from './types';

export function DecisionText({ decision }: { decision: Decision | null | undefined }) {
  const { t } = useTranslation();
  if (!decision || (!decision.number && !decision.date && !decision.issuer)) return null;
  const parts = [
    decision.number ? t('history.decisionNumber', { number: decision.number }) : null,
    decision.date ? t('history.decisionDate', { date: formatDate(decision.date) }) : null,
    decision.issuer ? t('history.decisionIssuer', { issuer: decision.issuer }) : null,
  ].filter(Boolean);
  return (
    <Text size="sm" c="dimmed">
      {[t('history.decision'), ...parts].join(' ')}
    </Text>
  );
}

function describe(entry: HistoryEntry, selfId: number, t: (key: string, opts?: Record<string, unknown>) => string): string {
  const others = (role: string) =>
    entry.orgs
      .filter((o) => o.role === role && o.orgId !== selfId)
      .map((o) => o.name)
      .join(', ');
  const key = `history.${entry.kind}.${entry.role}`;
  const values: Record<string, string> = {
    parent: others('parent'),
    founded: others('founded'),
    sources: others('source'),
    targets: others('target'),
    target: others('target'),
    source: others('source'),
    oldParent: others('old_parent'),
    newParent: others('new_parent'),
    moved: others('moved'),
    receiver: others('receiver'),
    dissolved: others('dissolved'),
  };
  let text = t(key, { ...values, defaultValue: t(`eventKind.${entry.kind}`, { defaultValue: entry.kind }) });
  if (entry.kind === 'found' && entry.role === 'founded' && values.parent) text += ' ' + t('history.underParent', { parent: values.parent });
  if (entry.kind === 'dissolve' && entry.role === 'dissolved' && values.receiver) text += ' ' + t('history.membersTo', { receiver: values.receiver });
  return text;
}

export function OrgPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const past = !!asOf && asOf < todayInVietnam();
  const tab = params.get('tab') ?? 'members';
  const orgId = Number(id);
  const { can } = useAuth();
  const q = useQuery({
    queryKey: ['org', orgId, asOf],
    queryFn: () => api.get<OrgDetail>(`/api/orgs/${orgId}`, { asOf: asOf || undefined }),
    enabled: Number.isInteger(orgId) && orgId > 0,
  });

  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const org = q.data;
  const pathIds = [...org.ancestors.map((a) => a.id), org.id];
  const withAsOf = (to: string) => (asOf ? `${to}?asOf=${asOf}` : to);
  const mergers = groupFormedFrom(org.formedFrom);

  const facts: [string, ReactNode][] = [
    [t('orgs.kind'), t(`orgKind.${org.kind}`)],
    [t('orgs.adminUnit'), org.adminUnit || '—'],
    [t('orgs.foundedOn'), formatDate(org.foundedOn)],
    ...(org.closedOn ? ([[t('orgs.closedOnLabel'), formatDate(org.closedOn)]] as [string, string][]) : []),
    [past ? t('orgs.memberCountAsOf', { date: formatDate(asOf) }) : t('orgs.memberCount'), formatNumber(org.memberCount, i18n.language)],
    [t('orgs.directMemberCount'), formatNumber(org.directMemberCount, i18n.language)],
  ];

  return (
    <Stack gap="md">
      <Breadcrumbs separator="›" separatorMargin={4} style={{ flexWrap: 'wrap', rowGap: 4 }} aria-label={t('orgs.breadcrumbs')}>
        <Anchor component={Link} to={withAsOf('/orgs')} size="sm">
          {t('nav.orgs')}
        </Anchor>
        {org.ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={withAsOf(`/orgs/${a.id}`)} size="sm">
            {a.name}
          </Anchor>
        ))}
      </Breadcrumbs>
      <Group gap="sm" align="center">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {org.name}
        </Title>
        {org.closedOn && (
          <Badge color="gray" variant="filled">
            {t('orgs.closed')}
          </Badge>
        )}
      </Group>
      <Group gap="xs">
        <Anchor component={Link} to={`/congress?orgId=${org.id}`} size="sm">
          {t('nav.orgLink', { ns: 'congress' })} ›
        </Anchor>
      </Group>
      {!past && can('org.manage', pathIds) && <RestructureActions key={org.id} org={org} />}
      {past && (
        <Alert color="blue" variant="light" role="status">
          {t('orgs.asOfNotice', { date: formatDate(asOf) })}{' '}
          <Anchor component={Link} to={`/orgs/${org.id}`}>
            {t('orgs.asOfToday')}
          </Anchor>
        </Alert>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="sm" component="dl" m={0}>
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

      {!past && <LeadersSection orgId={org.id} />}

      {mergers.length > 0 && (
        <Paper withBorder p="md" bg="yellow.0" component="section" aria-labelledby="formed-from-title">
          <Title order={2} size="h4" id="formed-from-title" mb="xs">
            {t('orgs.formedFrom')}
          </Title>
          {mergers.map((m) => (
            <Stack key={m.effectiveOn} gap={4}>
              <Text>{t('orgs.mergedOn', { date: formatDate(m.effectiveOn), count: m.orgs.length })}</Text>
              <List>
                {m.orgs.map((o) => (
                  <List.Item key={o.orgId}>
                    <Anchor component={Link} to={`/orgs/${o.orgId}`}>
                      {o.name}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
              <DecisionText decision={m.decision} />
            </Stack>
          ))}
        </Paper>
      )}

      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          next.set('tab', v ?? 'members');
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="members">{t('orgs.tabMembers')}</Tabs.Tab>
          <Tabs.Tab value="units">{t('orgs.tabUnits', { count: org.children.length })}</Tabs.Tab>
          <Tabs.Tab value="history">{t('orgs.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          {past ? (
            <Text>{t('orgs.membersAsOfUnavailable')}</Text>
          ) : (
            <MembersSection orgId={org.id} orgName={org.name} orgPathIds={pathIds} closed={!!org.closedOn} hasChildren={org.children.length > 0} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="units" pt="md">
          {org.children.length === 0 ? (
            <Text>{t('orgs.noUnits')}</Text>
          ) : (
            <Paper withBorder>
              <Table.ScrollContainer minWidth={300}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('orgs.name')}</Table.Th>
                      <Table.Th visibleFrom="sm">{t('orgs.kind')}</Table.Th>
                      <Table.Th className="num">{t('orgs.members')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {org.children.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Anchor component={Link} to={withAsOf(`/orgs/${c.id}`)}>
                            {c.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">{t(`orgKind.${c.kind}`)}</Table.Td>
                        <Table.Td className="num">{formatNumber(c.memberCount, i18n.language)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Stack gap="lg">
            {org.history.length === 0 ? (
              <Text>{t('history.none')}</Text>
            ) : (
              <Timeline bulletSize={16} lineWidth={2} active={org.history.length - 1} aria-label={t('orgs.tabHistory')}>
                {org.history.map((h) => (
                  <Timeline.Item key={`${h.eventId}-${h.role}`} title={`${formatDate(h.effectiveOn)} — ${t(`eventKind.${h.kind}`, { defaultValue: h.kind })}`}>
                    <Text size="sm">{describe(h, org.id, t)}</Text>
                    <DecisionText decision={h.decision} />
                    {h.note && (
                      <Text size="sm" c="dimmed">
                        {h.note}
                      </Text>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
            {org.names.length > 1 && (
              <div>
                <Title order={2} size="h5" mb="xs">
                  {t('orgs.namesOverTime')}
                </Title>
                <Table.ScrollContainer minWidth={320}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('orgs.period')}</Table.Th>
                        <Table.Th>{t('orgs.name')}</Table.Th>
                        <Table.Th>{t('orgs.parent')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {org.names.map((n) => (
                        <Table.Tr key={n.from}>
                          <Table.Td>
                            {formatDate(n.from)} – {n.to ? formatDate(n.to) : t('orgs.now')}
                          </Table.Td>
                          <Table.Td>{n.name}</Table.Td>
                          <Table.Td>{n.parentName ?? '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </div>
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function groupFormedFrom(list: OrgDetail['formedFrom']) {
  const byDate = new Map<string, { effectiveOn: string; decision: Decision; orgs: OrgDetail['formedFrom'] }>();
  for (const f of list) {
    const g = byDate.get(f.effectiveOn) ?? { effectiveOn: f.effectiveOn, decision: f.decision, orgs: [] };
    g.orgs.push(f);
    byDate.set(f.effectiveOn, g);
  }
  return [...byDate.values()];
}
