import { Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate } from '../../app/format';
import { downloadGet } from './lib';
import type { Attendance, CredentialsReport } from './types';

type Bucket = CredentialsReport['byGender'][number];

export function CredentialsTab({ congressId }: { congressId: number }) {
  const { t } = useTranslation('congress');
  const q = useQuery({
    queryKey: ['congress', congressId, 'credentials'],
    queryFn: () => api.get<{ congress: { title: string; opensOn: string }; report: CredentialsReport; attendance: Attendance }>(`/api/congresses/${congressId}/credentials`),
  });
  // the report as the credentials committee presents it: DOCX to edit, PDF through the server's LibreOffice
  const print = useMutation({ mutationFn: (format: 'docx' | 'pdf') => downloadGet(`/api/congresses/${congressId}/credentials.${format}`, `bao-cao-tham-tra-tu-cach.${format}`) });
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const r = q.data.report;
  const label = (group: string, key: string) => {
    if (key === 'unknown') return t('credentials.unknown');
    if (group === 'gender') return t(`gender.${key}`, { ns: 'translation' });
    if (group === 'education') return t(`education.${key}`, { ns: 'translation' });
    if (group === 'theory') return t(`theory.${key}`, { ns: 'translation' });
    if (group === 'ethnicity') return key;
    return t(`${group}.${key}`);
  };
  const table = (title: string, group: string, rows: Bucket[]) => (
    <Paper withBorder p="sm" key={group}>
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      <Table aria-label={title} verticalSpacing={2}>
        <Table.Tbody>
          {rows.map((b) => (
            <Table.Tr key={b.key}>
              <Table.Td>{label(group, b.key)}</Table.Td>
              <Table.Td className="num">{b.count}</Table.Td>
              <Table.Td className="num" c="dimmed" w={70}>
                {b.percent.toLocaleString('vi-VN')}%
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
  const totals: [string, number | string][] = [
    [t('credentials.total'), r.total],
    [t('class.official'), r.official],
    [t('class.alternate'), r.alternate],
    [t('credentials.ethnicMinority'), r.ethnicMinority],
    [t('credentials.youngest'), r.youngest ?? '—'],
    [t('credentials.oldest'), r.oldest ?? '—'],
  ];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          {t('credentials.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('credentials.asOf', { date: formatDate(r.asOf) })}
        </Text>
      </Group>
      <Group gap="xs" wrap="wrap">
        {(['docx', 'pdf'] as const).map((format) => (
          <Button key={format} variant="default" loading={print.isPending && print.variables === format} disabled={print.isPending} onClick={() => print.mutate(format)}>
            {t(`credentials.print.${format}`)}
          </Button>
        ))}
        <Text size="sm" c="dimmed">
          {t('credentials.print.hint')}
        </Text>
      </Group>
      {print.isError && <ErrorAlert error={print.error} title={t('credentials.print.failed')} />}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} component="dl" m={0}>
          {totals.map(([l, v]) => (
            <div key={l}>
              <Text component="dt" size="sm" c="dimmed">
                {l}
              </Text>
              <Text component="dd" m={0} fw={700} size="xl">
                {v}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" bg={r.flagged.length ? 'yellow.0' : undefined} component="section" aria-labelledby="flagged-title">
        <Title order={3} size="h5" id="flagged-title" mb="xs">
          {t('credentials.flagged', { count: r.flagged.length })}
        </Title>
        {r.flagged.length === 0 ? (
          <Text size="sm">{t('credentials.noFlags')}</Text>
        ) : (
          <Stack gap={6}>
            {r.flagged.map((f) => (
              <div key={f.delegateId}>
                <Text fw={500}>{f.fullName}</Text>
                <Group gap={4}>
                  {f.flags.map((fl) => (
                    <Badge key={fl} color="#8f3b00" variant="filled" size="sm">
                      {t(`flag.${fl}`)}
                    </Badge>
                  ))}
                </Group>
                {f.note && <Text size="sm">{f.note}</Text>}
              </div>
            ))}
          </Stack>
        )}
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {table(t('credentials.byOrigin'), 'origin', r.byOrigin)}
        {table(t('credentials.byGender'), 'gender', r.byGender)}
        {table(t('credentials.byAge'), 'ageBand', r.byAgeBand)}
        {table(t('credentials.byEthnicity'), 'ethnicity', r.byEthnicity)}
        {table(t('credentials.byEducation'), 'education', r.byEducation)}
        {table(t('credentials.byTheory'), 'theory', r.byTheoryLevel)}
        {table(t('credentials.byPartyYears'), 'partyYears', r.byPartyYears)}
      </SimpleGrid>
    </Stack>
  );
}
