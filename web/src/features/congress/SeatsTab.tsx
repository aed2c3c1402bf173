import { Alert, Button, Group, Loader, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatNumber } from '../../app/format';
import type { Congress, Seats } from './types';

export function SeatsTab({ congress, canManage }: { congress: Congress; canManage: boolean }) {
  const { t, i18n } = useTranslation('congress');
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['congress', congress.id, 'seats'], queryFn: () => api.get<Seats>(`/api/congresses/${congress.id}/seats`) });
  const [total, setTotal] = useState<number | string>(congress.plannedSeats ?? '');
  const [exOfficio, setExOfficio] = useState<number | string>(congress.exOfficioSeats);
  useEffect(() => {
    setTotal(congress.plannedSeats ?? '');
    setExOfficio(congress.exOfficioSeats);
  }, [congress.plannedSeats, congress.exOfficioSeats]);
  const allocate = useMutation({
    mutationFn: () => api.post<Seats>(`/api/congresses/${congress.id}/seats/allocate`, { totalSeats: Number(total), exOfficioSeats: Number(exOfficio || 0) }),
    onSuccess: (data) => {
      client.setQueryData(['congress', congress.id, 'seats'], data);
      void client.invalidateQueries({ queryKey: ['congress', congress.id] });
    },
  });
  const n = (x: number) => formatNumber(x, i18n.language);
  const units = q.data?.units ?? [];
  const sum = units.reduce((a, u) => a + u.seats, 0);
  const members = units.reduce((a, u) => a + u.members, 0);

  return (
    <Stack gap="md">
      <Alert variant="light" color="blue" title={t('seats.methodTitle')}>
        {t('seats.method')}
      </Alert>
      {canManage && (
        <Paper withBorder p="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              allocate.mutate();
            }}
          >
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NumberInput label={t('seats.total')} min={1} max={5000} required value={total} onChange={setTotal} w={200} />
              <NumberInput label={t('seats.exOfficio')} description={t('seats.exOfficioHint')} min={0} max={5000} value={exOfficio} onChange={setExOfficio} w={260} />
              <Button type="submit" loading={allocate.isPending}>
                {t('seats.allocate')}
              </Button>
            </Group>
          </form>
          <ErrorAlert error={allocate.error} />
        </Paper>
      )}
      {q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : units.length === 0 ? (
        <Text>{t('seats.none')}</Text>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={320}>
            <Table striped aria-label={t('seats.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('seats.unit')}</Table.Th>
                  <Table.Th className="num">{t('seats.members')}</Table.Th>
                  <Table.Th className="num">{t('seats.seats')}</Table.Th>
                  <Table.Th className="num">{t('seats.filled')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.exOfficioSeats > 0 && (
                  <Table.Tr>
                    <Table.Td fs="italic">{t('seats.exOfficioRow')}</Table.Td>
                    <Table.Td className="num">—</Table.Td>
                    <Table.Td className="num">{n(q.data.exOfficioSeats)}</Table.Td>
                    <Table.Td className="num">—</Table.Td>
                  </Table.Tr>
                )}
                {units.map((u) => (
                  <Table.Tr key={u.orgId}>
                    <Table.Td>{u.orgName}</Table.Td>
                    <Table.Td className="num">{n(u.members)}</Table.Td>
                    <Table.Td className="num" fw={700}>
                      {n(u.seats)}
                    </Table.Td>
                    <Table.Td className="num" c={u.filled > u.seats ? 'red.8' : undefined}>
                      {n(u.filled)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('seats.sum')}</Table.Th>
                  <Table.Th className="num">{n(members)}</Table.Th>
                  <Table.Th className="num" data-testid="seats-sum">
                    {n(sum + q.data.exOfficioSeats)}
                  </Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
