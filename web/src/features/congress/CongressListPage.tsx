import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate } from '../../app/format';
import { OrgPicker, type PickedOrg } from '../orgs/OrgPicker';
import { CongressFormModal } from './CongressFormModal';
import type { Congress } from './types';

export function StatusTag({ status }: { status: Congress['status'] }) {
  const { t } = useTranslation('congress');
  const color = status === 'open' ? '#0b6b4f' : status === 'closed' ? 'gray.7' : 'blue.8';
  return (
    <Badge variant="filled" color={color} style={{ flex: 'none', overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function CongressListPage() {
  const { t } = useTranslation('congress');
  const { canSomewhere } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgIdParam = Number(params.get('orgId')) || undefined;
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const [opened, modal] = useDisclosure(false);
  const orgQ = useQuery({ queryKey: ['org', orgIdParam, ''], queryFn: () => api.get<{ id: number; name: string }>(`/api/orgs/${orgIdParam}`), enabled: !!orgIdParam && !org });
  const picked = org ?? (orgQ.data ? { id: orgQ.data.id, name: orgQ.data.name } : null);
  const q = useQuery({ queryKey: ['congresses', orgIdParam ?? null], queryFn: () => api.get<Congress[]>('/api/congresses', { orgId: orgIdParam }) });

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('list.title')}
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <div style={{ flex: '1 1 260px', maxWidth: 480 }}>
          <OrgPicker
            key={picked?.id ?? 0}
            label={t('list.org')}
            value={picked}
            onChange={(o) => {
              setOrg(o);
              const next = new URLSearchParams(params);
              if (o) next.set('orgId', String(o.id));
              else next.delete('orgId');
              setParams(next, { replace: true });
            }}
          />
        </div>
        {canSomewhere('congress.manage') && (
          <Button onClick={modal.open} disabled={!picked}>
            {t('list.create')}
          </Button>
        )}
      </Group>
      {!picked && canSomewhere('congress.manage') && (
        <Text size="sm" c="dimmed">
          {t('list.pickOrgHint')}
        </Text>
      )}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.data ? (
        q.data.length === 0 ? (
          <Text>{t('list.none')}</Text>
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={320}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.title')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('fields.org')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('fields.dates')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/congress/${c.id}`} fw={500}>
                          {c.title}
                        </Anchor>
                        <Text size="xs" c="dimmed" hiddenFrom="sm">
                          {c.orgName} · {formatDate(c.opensOn)}
                        </Text>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{c.orgName}</Table.Td>
                      <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(c.opensOn)}
                        {c.closesOn !== c.opensOn ? ` – ${formatDate(c.closesOn)}` : ''}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <StatusTag status={c.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )
      ) : null}
      {picked && <CongressFormModal opened={opened} onClose={modal.close} orgId={picked.id} orgName={picked.name} onSaved={(id) => navigate(`/congress/${id}`)} />}
    </Stack>
  );
}
