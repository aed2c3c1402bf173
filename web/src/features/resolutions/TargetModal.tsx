import { useState } from 'react';
import { Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useIsPhone } from '../../app/useIsPhone';
import { RES_NS } from './i18n';
import { defaultAggregation } from './lib';
import { AGGREGATIONS, AREAS, DIRECTIONS, type Aggregation, type Area, type Direction, type Target } from './types';

/** "2026: 55; 2027: 60" ⇄ milestones */
const milestonesText = (m: { year: number; value: number }[]) => m.map((x) => `${x.year}: ${String(x.value).replace('.', ',')}`).join('; ');
function parseMilestones(s: string): { year: number; value: number }[] | null {
  if (!s.trim()) return [];
  const out: { year: number; value: number }[] = [];
  for (const part of s.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{4})\s*:\s*(-?\d+(?:[.,]\d+)?)$/.exec(part);
    if (!m) return null;
    out.push({ year: Number(m[1]), value: Number(m[2].replace(',', '.')) });
  }
  return out;
}

/** adds a target to a resolution, or edits one: every field of a target, including the shared indicator code and milestones */
export function TargetModal({ resolutionId, target, termEnd, onClose }: { resolutionId: number; target: Target | null; termEnd: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  const phone = useIsPhone();
  const client = useQueryClient();
  const [f, setF] = useState({
    name: target?.name ?? '',
    unit: target?.unit ?? '%',
    direction: (target?.direction ?? 'at_least') as Direction,
    area: (target?.area ?? 'other') as Area,
    responsibleBody: target?.responsibleBody ?? '',
    indicatorCode: target?.indicatorCode ?? '',
    // null: not chosen yet, so it follows the unit as the server's default does
    aggregation: (target?.aggregation ?? null) as Aggregation | null,
    baselineValue: (target?.baselineValue ?? '') as number | '',
    baselineDate: target?.baselineDate ?? '',
    targetValue: (target?.targetValue ?? '') as number | '',
    deadline: target?.deadline ?? `${termEnd}-12-31`,
    yearly: target?.yearly ?? false,
    milestones: milestonesText(target?.milestones ?? []),
    tolerance: (target?.tolerance ?? 0) as number | '',
    sourceQuote: target?.sourceQuote ?? '',
  });
  const milestones = parseMilestones(f.milestones);
  const aggregation = f.aggregation ?? defaultAggregation(f.unit);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: f.name,
        unit: f.unit,
        direction: f.direction,
        area: f.area,
        responsibleBody: f.responsibleBody || null,
        indicatorCode: f.indicatorCode || null,
        aggregation,
        baselineValue: f.baselineValue === '' ? null : f.baselineValue,
        baselineDate: f.baselineValue === '' ? null : f.baselineDate || null,
        targetValue: f.targetValue === '' ? Number.NaN : f.targetValue,
        deadline: f.deadline,
        yearly: f.yearly,
        milestones: milestones ?? [],
        tolerance: f.tolerance === '' ? 0 : f.tolerance,
        sourceQuote: f.sourceQuote.trim() || null,
      };
      return target ? api.patch(`/api/targets/${target.id}`, body) : api.post(`/api/resolutions/${resolutionId}/targets`, body);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['resolution', resolutionId] });
      onClose();
    },
  });
  const num = (v: number | string) => (v === '' ? '' : Number(v));
  return (
    <Modal opened onClose={onClose} title={target ? t('resolutions.targetForm.edit') : t('resolutions.targetForm.add')} fullScreen={phone} size="lg">
      <Stack gap="sm">
        <TextInput label={t('resolutions.form.name')} required value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={t('resolutions.form.direction')} data={DIRECTIONS.map((d) => ({ value: d, label: t(`resolutions.direction.${d}`) }))} value={f.direction} onChange={(v) => setF({ ...f, direction: (v ?? 'at_least') as Direction })} allowDeselect={false} />
          <NumberInput label={t('resolutions.form.targetValue')} required value={f.targetValue} onChange={(v) => setF({ ...f, targetValue: num(v) })} decimalSeparator="," thousandSeparator="." hideControls />
          <TextInput label={t('resolutions.form.unit')} required value={f.unit} onChange={(e) => setF({ ...f, unit: e.currentTarget.value })} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t('resolutions.form.deadline')} required value={f.deadline} onChange={(e) => setF({ ...f, deadline: e.currentTarget.value })} />
          <NumberInput label={t('resolutions.form.baselineValue')} value={f.baselineValue} onChange={(v) => setF({ ...f, baselineValue: num(v) })} decimalSeparator="," thousandSeparator="." hideControls />
          <TextInput type="date" label={t('resolutions.form.baselineDate')} value={f.baselineDate} onChange={(e) => setF({ ...f, baselineDate: e.currentTarget.value })} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Checkbox label={t('resolutions.targetForm.yearly')} description={tr('target.yearlyHint')} checked={f.yearly} onChange={(e) => setF({ ...f, yearly: e.currentTarget.checked })} />
          <NumberInput label={tr('target.tolerance')} description={tr('target.toleranceHint')} min={0} value={f.tolerance} onChange={(v) => setF({ ...f, tolerance: num(v) })} decimalSeparator="," thousandSeparator="." hideControls />
        </SimpleGrid>
        <TextInput
          label={t('resolutions.targetForm.milestones')}
          description={t('resolutions.targetForm.milestonesHint')}
          value={f.milestones}
          error={milestones === null ? t('resolutions.targetForm.milestonesInvalid') : undefined}
          onChange={(e) => setF({ ...f, milestones: e.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('resolutions.form.area')} data={AREAS.map((a) => ({ value: a, label: t(`resolutions.area.${a}`) }))} value={f.area} onChange={(v) => setF({ ...f, area: (v ?? 'other') as Area })} allowDeselect={false} />
          <TextInput label={t('resolutions.targetForm.responsibleBody')} value={f.responsibleBody} onChange={(e) => setF({ ...f, responsibleBody: e.currentTarget.value })} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('resolutions.targetForm.indicatorCode')} description={t('resolutions.targetForm.indicatorHint')} value={f.indicatorCode} onChange={(e) => setF({ ...f, indicatorCode: e.currentTarget.value.toUpperCase() })} />
          <Select
            label={t('resolutions.targetForm.aggregation')}
            description={f.aggregation ? undefined : tr('aggregationDefault')}
            data={AGGREGATIONS.map((a) => ({ value: a, label: t(`resolutions.aggregation.${a}`) }))}
            value={aggregation}
            onChange={(v) => setF({ ...f, aggregation: (v ?? aggregation) as Aggregation })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea label={tr('target.sourceQuote')} description={tr('target.sourceQuoteHint')} autosize minRows={1} maxRows={4} value={f.sourceQuote} onChange={(e) => setF({ ...f, sourceQuote: e.currentTarget.value })} />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={milestones === null}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
