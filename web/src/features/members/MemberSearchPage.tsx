import { useEffect, useState } from 'react';
import { Anchor, Badge, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { StatusBadge } from '../../app/StatusBadge';
import { formatDate } from '../../app/format';
import type { Member } from './types';

const LIMIT = 100;

export function MemberSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);

  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) setParams(debounced ? { q: debounced } : {}, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const q = useQuery({
    queryKey: ['members', 'search', debounced],
    queryFn: () => api.get<Member[]>('/api/members/search', { q: debounced, limit: LIMIT }),
    enabled: debounced.length > 0,
  });

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('memberSearch.title')}
      </Title>
      <TextInput
        label={t('memberSearch.label')}
        description={t('memberSearch.hint')}
        placeholder={t('members.searchPlaceholder')}
        type="search"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maw={520}
        autoFocus
      />
      {!debounced ? null : q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Text size="sm" role="status">
            {q.data.length >= LIMIT ? t('memberSearch.many', { count: LIMIT }) : t('members.found', { count: q.data.length, formatted: String(q.data.length) })}
          </Text>
          {q.data.length > 0 && (
            <Paper withBorder>
              <Table.ScrollContainer minWidth={480}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('members.fullName')}</Table.Th>
                      <Table.Th>{t('members.birthDate')}</Table.Th>
                      <Table.Th>{t('members.unit')}</Table.Th>
                      <Table.Th>{t('members.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {q.data.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/members/${m.id}`} fw={500}>
                            {m.fullName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{formatDate(m.birthDate)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/orgs/${m.orgId}`}>
                            {m.orgName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge probationary={m.probationary} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
