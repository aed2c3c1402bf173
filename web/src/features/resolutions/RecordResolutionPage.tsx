import { useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { RES_NS } from './i18n';
import { elementTitles } from './lib';
import { AREAS, DIRECTIONS, ELEMENT_KINDS, type Area, type Direction, type DraftTarget, type ElementKind, type Parsed } from './types';

interface Row {
  include: boolean;
  name: string;
  unit: string;
  direction: Direction;
  area: Area;
  targetValue: number | '';
  deadline: string;
  baselineValue: number | '';
  baselineDate: string;
  yearly: boolean;
  sourceQuote: string | null;
  indicatorCode: string;
  responsibleBody: string;
}

const areaOf = (unit: string): Area => (/đồng|USD/.test(unit) ? 'economy' : unit === 'hộ' || unit === 'người' ? 'culture_society' : unit === '%' ? 'party_building' : 'other');

export function rowFromDraft(d: DraftTarget, termEnd: number): Row {
  const baseline = d.baseline && d.baseline.unit === d.unit ? d.baseline : null;
  return {
    include: true,
    // "từ 1 đến 2 chợ": the row's target is the lower bound (at least); the range stays in its name
    name: d.upper !== undefined ? `${d.name} (từ ${d.value.toLocaleString('vi-VN')} đến ${d.upper.toLocaleString('vi-VN')} ${d.unit})` : d.name,
    unit: d.unit,
    direction: d.direction,
    area: areaOf(d.unit),
    targetValue: d.value,
    deadline: `${d.year ?? termEnd}-12-31`,
    baselineValue: baseline ? baseline.value : '',
    baselineDate: baseline ? `${baseline.year ?? termEnd - 5}-12-31` : '',
    yearly: d.yearly,
    sourceQuote: d.sentence.slice(0, 2000),
    indicatorCode: '',
    responsibleBody: '',
  };
}

const emptyRow = (termEnd: number): Row => ({ include: true, name: '', unit: '%', direction: 'at_least', area: 'other', targetValue: '', deadline: `${termEnd}-12-31`, baselineValue: '', baselineDate: '', yearly: false, sourceQuote: null, indicatorCode: '', responsibleBody: '' });

/** how many elements of a kind the parsed text announces ("4 khâu đột phá") */
const DECLARED: Record<ElementKind, keyof Parsed['counts']> = { breakthrough: 'breakthroughs', key_task: 'keyTasks', solution_group: 'solutionGroups' };

export function RecordResolutionPage() {
  const { t } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  const orgId = Number(useParams().id);
  const navigate = useNavigate();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [number, setNumber] = useState('');
  const [kind, setKind] = useState<string>('congress');
  const [adoptedOn, setAdoptedOn] = useState('');
  const [termStart, setTermStart] = useState<number | string>(2025);
  const [termEnd, setTermEnd] = useState<number | string>(2030);
  const [motto, setMotto] = useState('');
  const [text, setText] = useState('');
  // one text a kind, one element a line: edited and trimmed freely until the resolution is saved
  const [elements, setElements] = useState<Record<ElementKind, string>>({ breakthrough: '', key_task: '', solution_group: '' });
  const [rows, setRows] = useState<Row[]>([]);
  const [found, setFound] = useState<Parsed | null>(null);
  const end = Number(termEnd) || 2030;

  const parse = useMutation({
    mutationFn: () => api.post<Parsed>('/api/resolutions/parse', { text }),
    onSuccess: (p) => {
      setFound(p);
      setRows(p.targets.map((d) => rowFromDraft(d, end)));
      if (!motto && p.motto) setMotto(p.motto);
    },
  });
  const save = useMutation({
    mutationFn: () =>
      api.post<{ id: number }>(`/api/orgs/${orgId}/resolutions`, {
        kind,
        title,
        number: number.trim() || null,
        adoptedOn,
        termStart: Number(termStart),
        termEnd: Number(termEnd),
        motto: motto || null,
        sourceText: text || null,
        targets: rows
          .filter((r) => r.include)
          .map((r) => ({
            name: r.name,
            unit: r.unit,
            direction: r.direction,
            area: r.area,
            targetValue: r.targetValue === '' ? Number.NaN : r.targetValue,
            deadline: r.deadline,
            baselineValue: r.baselineValue === '' ? null : r.baselineValue,
            baselineDate: r.baselineValue === '' ? null : r.baselineDate || null,
            yearly: r.yearly,
            sourceQuote: r.sourceQuote,
            indicatorCode: r.indicatorCode.trim() || null,
            responsibleBody: r.responsibleBody.trim() || null,
          })),
        elements: ELEMENT_KINDS.flatMap((kind) => elementTitles(elements[kind]).map((title) => ({ kind, title }))),
      }),
    onSuccess: async ({ id }) => {
      await client.invalidateQueries({ queryKey: ['resolution-dashboard', orgId] });
      navigate(`/resolutions/${id}`);
    },
  });
  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('resolutions.recordTitle')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput label={t('resolutions.form.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ gridColumn: 'span 3' }} />
            <TextInput label={tr('header.number')} placeholder="12-NQ/ĐU" value={number} onChange={(e) => setNumber(e.currentTarget.value)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <Select
              label={t('resolutions.form.kind')}
              data={['congress', 'executive_committee', 'standing_committee'].map((k) => ({ value: k, label: t(`resolutions.kind.${k}`) }))}
              value={kind}
              onChange={(v) => setKind(v ?? 'congress')}
              allowDeselect={false}
            />
            <TextInput type="date" label={t('resolutions.form.adoptedOn')} required value={adoptedOn} onChange={(e) => setAdoptedOn(e.currentTarget.value)} />
            <NumberInput label={t('resolutions.form.termStart')} value={termStart} onChange={setTermStart} min={1930} max={2100} />
            <NumberInput label={t('resolutions.form.termEnd')} value={termEnd} onChange={setTermEnd} min={1930} max={2100} />
          </SimpleGrid>
          <TextInput label={t('resolutions.form.motto')} value={motto} onChange={(e) => setMotto(e.currentTarget.value)} />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Textarea
            label={t('resolutions.form.text')}
            description={t('resolutions.form.textHint')}
            autosize
            minRows={4}
            maxRows={12}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group>
            <Button variant="light" onClick={() => parse.mutate()} loading={parse.isPending} disabled={!text.trim()}>
              {t('resolutions.form.parse')}
            </Button>
          </Group>
          <ErrorAlert error={parse.error} />
          {found && (
            <Alert color="blue" variant="light">
              {t('resolutions.form.found', { count: found.targets.length })}
              {found.counts.targets ? ` ${t('resolutions.form.declaredTargets', { count: found.counts.targets })}` : ''}
              {found.counts.breakthroughs ? ` ${t('resolutions.form.declaredBreakthroughs', { count: found.counts.breakthroughs })}` : ''}
            </Alert>
          )}
        </Stack>
      </Paper>
      <Title order={2} size="h4">
        {t('resolutions.form.targets')}
      </Title>
      <Table.ScrollContainer minWidth={1270}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>{t('resolutions.form.include')}</Table.Th>
              <Table.Th miw={220}>{t('resolutions.form.name')}</Table.Th>
              <Table.Th w={140}>{t('resolutions.form.direction')}</Table.Th>
              <Table.Th w={110}>{t('resolutions.form.targetValue')}</Table.Th>
              <Table.Th w={90}>{t('resolutions.form.unit')}</Table.Th>
              <Table.Th w={140}>{t('resolutions.form.deadline')}</Table.Th>
              <Table.Th w={110}>{t('resolutions.form.baselineValue')}</Table.Th>
              <Table.Th w={140}>{t('resolutions.form.baselineDate')}</Table.Th>
              <Table.Th w={150}>{t('resolutions.form.area')}</Table.Th>
              <Table.Th w={130}>{t('resolutions.targetForm.indicatorCode')}</Table.Th>
              <Table.Th w={160}>{t('resolutions.targetForm.responsibleBody')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Checkbox aria-label={t('resolutions.form.includeRow', { n: i + 1 })} checked={r.include} onChange={(e) => update(i, { include: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={t('resolutions.form.nameRow', { n: i + 1 })} value={r.name} onChange={(e) => update(i, { name: e.currentTarget.value })} />
                  {r.sourceQuote && (
                    <Text size="xs" c="dimmed" lineClamp={2} title={r.sourceQuote}>
                      {r.sourceQuote}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select aria-label={t('resolutions.form.direction')} data={DIRECTIONS.map((d) => ({ value: d, label: t(`resolutions.direction.${d}`) }))} value={r.direction} onChange={(v) => update(i, { direction: (v ?? 'at_least') as Direction })} allowDeselect={false} />
                </Table.Td>
                <Table.Td>
                  <NumberInput aria-label={t('resolutions.form.targetValueRow', { n: i + 1 })} value={r.targetValue} onChange={(v) => update(i, { targetValue: v === '' ? '' : Number(v) })} decimalSeparator="," thousandSeparator="." hideControls />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={t('resolutions.form.unit')} value={r.unit} onChange={(e) => update(i, { unit: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <TextInput type="date" aria-label={t('resolutions.form.deadline')} value={r.deadline} onChange={(e) => update(i, { deadline: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <NumberInput aria-label={t('resolutions.form.baselineValueRow', { n: i + 1 })} value={r.baselineValue} onChange={(v) => update(i, { baselineValue: v === '' ? '' : Number(v) })} decimalSeparator="," thousandSeparator="." hideControls />
                </Table.Td>
                <Table.Td>
                  <TextInput type="date" aria-label={t('resolutions.form.baselineDateRow', { n: i + 1 })} value={r.baselineDate} onChange={(e) => update(i, { baselineDate: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <Select aria-label={t('resolutions.form.area')} data={AREAS.map((a) => ({ value: a, label: t(`resolutions.area.${a}`) }))} value={r.area} onChange={(v) => update(i, { area: (v ?? 'other') as Area })} allowDeselect={false} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={tr('record.indicatorRow', { n: i + 1 })} value={r.indicatorCode} onChange={(e) => update(i, { indicatorCode: e.currentTarget.value.toUpperCase() })} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={tr('record.responsibleRow', { n: i + 1 })} value={r.responsibleBody} onChange={(e) => update(i, { responsibleBody: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={t('resolutions.form.removeRow', { n: i + 1 })} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="subtle" onClick={() => setRows((rs) => [...rs, emptyRow(end)])}>
          {t('resolutions.form.addTarget')}
        </Button>
      </Group>
      <Title order={2} size="h4">
        {tr('elements.record')}
      </Title>
      <Text size="sm" c="dimmed" mt={-8}>
        {tr('elements.recordHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {ELEMENT_KINDS.map((kind) => {
          const count = elementTitles(elements[kind]).length;
          const declared = found?.counts[DECLARED[kind]];
          return (
            <Textarea
              key={kind}
              label={tr(`elements.plural.${kind}`)}
              description={declared ? tr('elements.countOfDeclared', { count, declared }) : tr('elements.count', { count })}
              autosize
              minRows={3}
              maxRows={12}
              value={elements[kind]}
              onChange={(e) => setElements({ ...elements, [kind]: e.currentTarget.value })}
            />
          );
        })}
      </SimpleGrid>
      <ErrorAlert error={save.error} />
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!title.trim() || !adoptedOn}>
          {t('resolutions.form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
