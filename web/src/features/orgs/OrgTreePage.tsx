import { useEffect, useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tree,
  mergeAsyncChildren,
  useTree,
  type TreeNodeData,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate, formatNumber, todayInVietnam } from '../../app/format';
import type { OrgListItem } from './types';

/** units listed by name as Vietnamese sort it (the past-date tree comes back in no particular order) */
const byName = (rows: OrgListItem[]) => [...rows].sort((a, b) => a.name.localeCompare(b.name, 'vi'));

const toNode = (o: OrgListItem): TreeNodeData => ({
  value: String(o.id),
  label: o.name,
  hasChildren: (o.childCount ?? 0) > 0,
  nodeProps: { org: o },
});

export function OrgTreePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const [search, setSearch] = useState(params.get('search') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);

  useEffect(() => {
    const next = new URLSearchParams(params);
    if (debounced) next.set('search', debounced);
    else next.delete('search');
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const setAsOf = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('asOf', value);
    else next.delete('asOf');
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('orgs.treeTitle')}
      </Title>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('orgs.search')}
            placeholder={t('orgs.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
            style={{ flex: '1 1 240px' }}
          />
          <TextInput
            label={t('orgs.asOf')}
            type="date"
            value={asOf}
            max={todayInVietnam()}
            onChange={(e) => setAsOf(e.currentTarget.value)}
            style={{ flex: '0 1 190px' }}
          />
          {asOf && (
            <Button variant="default" onClick={() => setAsOf('')}>
              {t('orgs.asOfToday')}
            </Button>
          )}
        </Group>
      </Paper>
      {asOf && asOf < todayInVietnam() && (
        <Alert variant="light" color="blue" role="status">
          {t('orgs.asOfNotice', { date: formatDate(asOf) })}
        </Alert>
      )}
      {debounced ? <SearchResults search={debounced} asOf={asOf} /> : <OrgTree key={asOf} asOf={asOf} />}
    </Stack>
  );
}

function orgLink(id: number, asOf: string) {
  return asOf ? `/orgs/${id}?asOf=${asOf}` : `/orgs/${id}`;
}

function SearchResults({ search, asOf }: { search: string; asOf: string }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['orgs', 'search', search, asOf],
    queryFn: () => api.get<OrgListItem[]>('/api/orgs', { search, asOf: asOf || undefined, limit: 200 }),
  });
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data.length) return <Text role="status">{t('orgs.noResults')}</Text>;
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={320}>
        <Table striped highlightOnHover>
          <Table.Caption>{t('orgs.resultCount', { count: q.data.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orgs.name')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('orgs.kind')}</Table.Th>
              <Table.Th className="num">{t('orgs.members')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Anchor component={Link} to={orgLink(o.id, asOf)}>
                    {o.name}
                  </Anchor>
                </Table.Td>
                <Table.Td visibleFrom="sm">{t(`orgKind.${o.kind}`)}</Table.Td>
                <Table.Td className="num">{formatNumber(o.memberCount, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function OrgTree({ asOf }: { asOf: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const past = !!asOf && asOf < todayInVietnam();
  const [data, setData] = useState<TreeNodeData[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const tree = useTree({
    // a unit's children as they stood on the date picked (or today), loaded when it is opened: the country's tree at a
    // past date is never asked for at once
    onLoadChildren: async (value) => {
      const children = await api.get<OrgListItem[]>('/api/orgs', { parentId: Number(value), limit: 5000, ...(past ? { asOf } : {}) });
      setData((d) => (d ? mergeAsyncChildren(d, value, byName(children).map(toNode)) : d));
    },
  });

  useEffect(() => {
    let live = true;
    const load = api.get<OrgListItem[]>('/api/orgs', { roots: true, limit: 5000, ...(past ? { asOf } : {}) }).then((rows) => byName(rows).map(toNode));
    load.then(
      (d) => {
        if (!live) return;
        setData(d);
        // a single top unit opens by itself
        if (d.length === 1) tree.expand(d[0].value);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asOf, past]);

  const empty = useMemo(() => data !== null && data.length === 0, [data]);

  if (error) return <ErrorAlert error={error} />;
  if (data === null)
    return (
      <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton h={28} />
        <Skeleton h={28} w="80%" />
        <Skeleton h={28} w="70%" />
      </Stack>
    );
  if (empty) return <Text role="status">{past ? t('orgs.emptyAsOf') : t('orgs.empty')}</Text>;

  return (
    <Paper withBorder p={{ base: 4, sm: 'sm' }}>
      <Tree
        data={data}
        tree={tree}
        aria-label={t('orgs.treeTitle')}
        levelOffset="md"
        onKeyDown={(e) => {
          // Enter on a focused node opens the organisation (arrows expand and move, as Mantine's tree does)
          const target = e.target as HTMLElement;
          if (e.key !== 'Enter' || target.getAttribute('role') !== 'treeitem') return;
          const value = target.querySelector('[data-value]')?.getAttribute('data-value');
          if (value) {
            e.preventDefault();
            navigate(orgLink(Number(value), asOf));
          }
        }}
        renderNode={({ node, expanded, hasChildren, elementProps, isLoading, loadError }) => {
          const org = (node.nodeProps as { org: OrgListItem }).org;
          return (
            <Group {...elementProps} gap={6} wrap="nowrap" py={4} className={`${elementProps.className} tree-row`}>
              <Box w={28} style={{ flex: 'none' }}>
                {hasChildren ? (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="md"
                    tabIndex={-1}
                    aria-label={expanded ? t('orgs.collapse', { name: org.name }) : t('orgs.expand', { name: org.name })}
                    aria-expanded={expanded}
                  >
                    {isLoading ? (
                      <Loader size={14} />
                    ) : (
                      <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" style={{ transform: expanded ? 'rotate(90deg)' : 'none', transition: 'transform 120ms' }}>
                        <path d="M9 6l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
                      </svg>
                    )}
                  </ActionIcon>
                ) : null}
              </Box>
              <Box miw={0} style={{ flex: 1 }}>
                <Anchor component={Link} to={orgLink(org.id, asOf)} onClick={(e) => e.stopPropagation()} fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {org.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`orgKind.${org.kind}`)}
                  {org.closedOn ? ` · ${t('orgs.closedOn', { date: formatDate(org.closedOn) })}` : ''}
                </Text>
                {loadError && (
                  <Text size="xs" c="red.8" role="alert">
                    {loadError.message}
                  </Text>
                )}
              </Box>
              <Badge variant="light" color="gray" style={{ flex: 'none' }} title={t('orgs.memberCountTitle')}>
                {t('orgs.memberCountShort', { count: org.memberCount, formatted: formatNumber(org.memberCount, i18n.language) })}
              </Badge>
            </Group>
          );
        }}
      />
    </Paper>
  );
}
