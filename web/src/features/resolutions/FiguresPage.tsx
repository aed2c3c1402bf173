import { useMemo, useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { todayInVietnam } from '../../app/format';
import { useValueFormat } from './parts';
import type { Dashboard } from './types';
import { periodName } from './lib';
import { RES_NS } from './i18n';

const EMPTY = { value: '' as const, source: '', reason: '' };

interface Entry {
  value: number | '';
  source: string;
  reason: string;
}

/** the reportable periods: every year and quarter from the start of the term to today */
function periods(fromYear: number, today: string): string[] {
  const out: string[] = [];
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  for (let y = year; y >= fromYear; y--) {
    out.push(String(y));
    for (let q = 4; q >= 1; q--) if (y < year || q <= quarter) out.push(`${y}-Q${q}`);
  }
  return out;
}

export function FiguresPage() {
  const { t } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  const orgId = Number(useParams().id);
  const client = useQueryClient();
  const fmt = useValueFormat();
  const q = useQuery({ queryKey: ['resolution-dashboard', orgId], queryFn: () => api.get<Dashboard>(`/api/orgs/${orgId}/resolution-dashboard`) });
  const [period, setPeriod] = useState<string>(String(Number(todayInVietnam().slice(0, 4)) - 1));
  const [entries, setEntries] = useState<Record<number, Entry>>({});
  const [saved, setSaved] = useState<{ saved: number; corrected: number } | null>(null);
  const targets = useMemo(() => (q.data?.resolutions ?? []).flatMap((r) => r.targets), [q.data]);
  const firstYear = Math.min(...(q.data?.resolutions ?? []).map((r) => r.termStart), Number(todayInVietnam().slice(0, 4)));
  const reported = (id: number) => targets.find((x) => x.id === id)?.history.find((h) => h.period === period);
  const save = useMutation({
    mutationFn: () =>
      api.post<{ saved: number; corrected: number }>(`/api/orgs/${orgId}/figures`, {
        period,
        figures: Object.entries(entries)
          .filter(([, e]) => e.value !== '')
          .map(([id, e]) => ({ targetId: Number(id), value: e.value, source: e.source.trim(), reason: e.reason || null })),
      }),
    onSuccess: async (r) => {
      setSaved(r);
      setEntries({});
      await client.invalidateQueries({ queryKey: ['resolution-dashboard', orgId] });
    },
  });
  if (q.isPending) return <Loader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const set = (id: number, patch: Partial<Entry>) => setEntries((es) => ({ ...es, [id]: { ...EMPTY, ...es[id], ...patch } }));
  // a figure names its source: the server refuses a blank one, the page says so before sending
  const sourceMissing = (e: Entry | undefined) => !!e && e.value !== '' && !e.source.trim();
  const filled = Object.values(entries).filter((e) => e.value !== '');
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/resolutions/org/${orgId}`} size="sm">
          {q.data.org.name}
        </Anchor>
        <Title order={1} size="h2">
          {t('resolutions.figures.title')}
        </Title>
      </div>
      <Select
        label={t('resolutions.figures.period')}
        data={periods(firstYear, todayInVietnam()).map((p) => ({ value: p, label: periodName(t, p) }))}
        value={period}
        onChange={(v) => {
          setPeriod(v ?? period);
          setSaved(null);
        }}
        allowDeselect={false}
        maw={260}
      />
      {saved && (
        <Alert color="green" variant="light" role="status">
          {t('resolutions.figures.saved', { count: saved.saved, corrected: saved.corrected })}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('resolutions.form.name')}</Table.Th>
              <Table.Th w={140}>{t('resolutions.figures.reported')}</Table.Th>
              <Table.Th w={140}>{t('resolutions.figures.value')}</Table.Th>
              <Table.Th w={200}>{t('resolutions.figures.source')}</Table.Th>
              <Table.Th w={200}>{t('resolutions.figures.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {targets.map((x) => {
              const e = entries[x.id];
              const previous = reported(x.id);
              return (
                <Table.Tr key={x.id}>
                  <Table.Td>
                    <Text size="sm">{x.name}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`resolutions.direction.${x.direction}`)} {fmt(x.targetValue, x.unit)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{previous ? fmt(previous.value, x.unit) : '—'}</Table.Td>
                  <Table.Td>
                    <NumberInput aria-label={t('resolutions.figures.valueFor', { name: x.name })} value={e?.value ?? ''} onChange={(v) => set(x.id, { value: v === '' ? '' : Number(v) })} decimalSeparator="," thousandSeparator="." hideControls rightSection={<Text size="xs">{x.unit}</Text>} rightSectionWidth={x.unit.length * 7 + 16} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('resolutions.figures.sourceFor', { name: x.name })}
                      required={e?.value !== undefined && e.value !== ''}
                      value={e?.source ?? ''}
                      placeholder={tr('figures.sourceExample')}
                      error={sourceMissing(e) ? tr('figures.sourceRequired') : undefined}
                      onChange={(ev) => set(x.id, { source: ev.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {previous && <TextInput aria-label={t('resolutions.figures.reasonFor', { name: x.name })} value={e?.reason ?? ''} placeholder={t('resolutions.figures.reasonHint')} onChange={(ev) => set(x.id, { reason: ev.currentTarget.value })} />}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ErrorAlert error={save.error} />
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!filled.length || filled.some(sourceMissing)}>
          {t('resolutions.figures.save')}
        </Button>
        <Button component="a" variant="light" href={`/api/orgs/${orgId}/resolution-report.xlsx?period=${encodeURIComponent(period)}`} download>
          {t('resolutions.figures.report')}
        </Button>
        <Button component="a" variant="light" href={`/api/orgs/${orgId}/resolution-report.docx?period=${encodeURIComponent(period)}`} download>
          {t('resolutions.figures.reportDocx')}
        </Button>
      </Group>
    </Stack>
  );
}
