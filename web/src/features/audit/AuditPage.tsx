import { useState } from 'react';
import { Anchor, Code, Group, Loader, Pagination, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDateTime } from '../../app/format';

interface AuditItem {
  id: number;
  at: string;
  userId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  orgId: number | null;
  orgName: string | null;
  before: unknown;
  after: unknown;
}

const PAGE_SIZE = 50;
const ENTITIES = ['member', 'organization', 'user'] as const;

function entityLink(e: AuditItem) {
  if (!e.entityId) return null;
  if (e.entity === 'member') return `/members/${e.entityId}`;
  if (e.entity === 'organization') return `/orgs/${e.entityId}`;
  return null;
}

export function AuditPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['audit', page, entity],
    queryFn: () => api.get<{ total: number; items: AuditItem[] }>('/api/audit', { page, pageSize: PAGE_SIZE, entity: entity ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <Select
        label={t('audit.entity')}
        data={ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
        value={entity}
        onChange={(v) => {
          setEntity(v);
          setPage(1);
        }}
        clearable
        placeholder={t('audit.allEntities')}
        maw={300}
      />
      {q.isError && <ErrorAlert error={q.error} />}
      {q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.data ? (
        <>
          <Text size="sm" role="status">
            {t('audit.total', { count: q.data.total })}
          </Text>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.at')}</Table.Th>
                    <Table.Th>{t('audit.actor')}</Table.Th>
                    <Table.Th>{t('audit.action')}</Table.Th>
                    <Table.Th>{t('audit.object')}</Table.Th>
                    <Table.Th>{t('audit.org')}</Table.Th>
                    <Table.Th>{t('audit.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.items.map((e) => {
                    const link = entityLink(e);
                    const label = `${t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}${e.entityId ? ` #${e.entityId}` : ''}`;
                    return (
                      <Table.Tr key={e.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                        <Table.Td>{e.actor}</Table.Td>
                        <Table.Td>{t(`audit.actions.${e.action.replace('.', '_')}`, { defaultValue: e.action })}</Table.Td>
                        <Table.Td>
                          {link ? (
                            <Anchor component={Link} to={link}>
                              {label}
                            </Anchor>
                          ) : (
                            label
                          )}
                        </Table.Td>
                        <Table.Td>{e.orgId ? <Anchor component={Link} to={`/orgs/${e.orgId}`}>{e.orgName ?? `#${e.orgId}`}</Anchor> : '—'}</Table.Td>
                        <Table.Td>
                          {e.before !== null || e.after !== null ? (
                            <details>
                              <summary style={{ cursor: 'pointer' }}>{t('audit.show')}</summary>
                              {e.before !== null && (
                                <>
                                  <Text size="xs" fw={700} mt={4}>
                                    {t('audit.before')}
                                  </Text>
                                  <Code block style={{ maxWidth: 420, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                                    {JSON.stringify(e.before, null, 2)}
                                  </Code>
                                </>
                              )}
                              {e.after !== null && (
                                <>
                                  <Text size="xs" fw={700} mt={4}>
                                    {t('audit.after')}
                                  </Text>
                                  <Code block style={{ maxWidth: 420, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                                    {JSON.stringify(e.after, null, 2)}
                                  </Code>
                                </>
                              )}
                            </details>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                siblings={1}
                boundaries={1}
                getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
              />
            </Group>
          )}
        </>
      ) : null}
    </Stack>
  );
}
