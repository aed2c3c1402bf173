import { useEffect, useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Loader, Menu, Pagination, Paper, SegmentedControl, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { StatusBadge } from '../../app/StatusBadge';
import { formatDate, formatNumber } from '../../app/format';
import { ImportMembersModal } from './ImportMembersModal';
import { MemberFormModal } from './MemberFormModal';
import type { MemberPage, MemberSort } from './types';

const PAGE_SIZE = 50;

function SortHeader({ field, sort, onSort, children }: { field: 'name' | 'birthDate' | 'admittedOn'; sort: MemberSort; onSort: (s: MemberSort) => void; children: ReactNode }) {
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  return (
    <Table.Th aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort((active && !descending ? `-${field}` : field) as MemberSort)} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {children}
        <span aria-hidden="true" style={{ marginLeft: 4, opacity: active ? 1 : 0.35 }}>
          {active && descending ? '▼' : '▲'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

export function MembersSection({ orgId, orgName, orgPathIds, closed, hasChildren }: { orgId: number; orgName: string; orgPathIds: number[]; closed: boolean; hasChildren: boolean }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const canManage = can('member.manage', orgPathIds) && !closed;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<MemberSort>('name');
  const [scope, setScope] = useState<'subtree' | 'direct'>('subtree');
  const [importOpened, importModal] = useDisclosure(false);
  const [addOpened, addModal] = useDisclosure(false);

  useEffect(() => setPage(1), [debounced, sort, scope]);

  const q = useQuery({
    queryKey: ['members', orgId, { search: debounced, page, sort, scope }],
    queryFn: () => api.get<MemberPage>(`/api/orgs/${orgId}/members`, { search: debounced || undefined, page, pageSize: PAGE_SIZE, sort, scope }),
    placeholderData: keepPreviousData,
  });

  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / q.data.pageSize)) : 1;
  const showUnit = scope === 'subtree' && hasChildren;
  const exportQuery = scope === 'direct' ? '?scope=direct' : '';

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('members.search')}
          placeholder={t('members.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        {hasChildren && (
          <SegmentedControl
            aria-label={t('members.scope')}
            value={scope}
            onChange={(v) => setScope(v as 'subtree' | 'direct')}
            data={[
              { value: 'subtree', label: t('members.scopeSubtree') },
              { value: 'direct', label: t('members.scopeDirect') },
            ]}
          />
        )}
      </Group>
      <Group gap="xs" wrap="wrap">
        {canManage && (
          <>
            <Button onClick={addModal.open}>{t('members.add')}</Button>
            <Button variant="light" onClick={importModal.open}>
              {t('members.import')}
            </Button>
          </>
        )}
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="default">{t('members.export')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={`/api/orgs/${orgId}/members.xlsx${exportQuery}`} download>
              {t('members.exportXlsx')}
            </Menu.Item>
            <Menu.Item component="a" href={`/api/orgs/${orgId}/members.csv${exportQuery}`} download>
              {t('members.exportCsv')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item component="a" href="/api/members/import-template.xlsx" download>
              {t('members.template')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>

      {q.isError && <ErrorAlert error={q.error} />}
      {q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.data ? (
        <>
          <Text size="sm" role="status" aria-live="polite" data-testid="member-count" aria-busy={q.isPlaceholderData}>
            {q.isPlaceholderData ? t('common.loading') : debounced ? t('members.found', { count: q.data.total, formatted: formatNumber(q.data.total, i18n.language) }) : t('members.total', { count: q.data.total, formatted: formatNumber(q.data.total, i18n.language) })}
            {q.isFetching && <Loader size={12} ml="xs" aria-hidden />}
          </Text>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={340}>
              <Table striped highlightOnHover verticalSpacing={6}>
                <Table.Caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
                  <span className="sr-only">
                    {t('members.tableCaption', { org: orgName })}
                  </span>
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th className="num" visibleFrom="sm">{t('members.no')}</Table.Th>
                    <SortHeader field="name" sort={sort} onSort={setSort}>
                      {t('members.fullName')}
                    </SortHeader>
                    <Table.Th visibleFrom="sm">{t('members.gender')}</Table.Th>
                    <SortHeader field="birthDate" sort={sort} onSort={setSort}>
                      {t('members.birthDate')}
                    </SortHeader>
                    <SortHeader field="admittedOn" sort={sort} onSort={setSort}>
                      {t('members.admittedOn')}
                    </SortHeader>
                    <Table.Th>{t('members.status')}</Table.Th>
                    {showUnit && <Table.Th visibleFrom="md">{t('members.unit')}</Table.Th>}
                    <Table.Th visibleFrom="lg">{t('members.position')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={showUnit ? 8 : 7}>{t('members.none')}</Table.Td>
                    </Table.Tr>
                  )}
                  {q.data.items.map((m, i) => (
                    <Table.Tr key={m.id}>
                      <Table.Td className="num" visibleFrom="sm">{(q.data.page - 1) * q.data.pageSize + i + 1}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/members/${m.id}`} fw={500}>
                          {m.fullName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{t(`gender.${m.gender}`)}</Table.Td>
                      <Table.Td>{formatDate(m.birthDate)}</Table.Td>
                      <Table.Td>{formatDate(m.admittedOn)}</Table.Td>
                      <Table.Td>
                        <StatusBadge probationary={m.probationary} />
                      </Table.Td>
                      {showUnit && <Table.Td visibleFrom="md">{m.orgName}</Table.Td>}
                      <Table.Td visibleFrom="lg">{m.position ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
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
                aria-label={t('members.pagination')}
                getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
              />
            </Group>
          )}
        </>
      ) : null}

      <ImportMembersModal opened={importOpened} onClose={importModal.close} orgId={orgId} orgName={orgName} />
      <MemberFormModal opened={addOpened} onClose={addModal.close} mode={{ kind: 'create', orgId }} />
    </Stack>
  );
}
