// Sáp nhập (other units absorbed into this one) or hợp nhất (this one and others form a new unit): the units are
// picked one by one by typing part of their names.
import { useState } from 'react';
import { CloseButton, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { OrgPicker, type PickedOrg } from './OrgPicker';
import { KindSelect, nameProblem, useKindsUnder } from './RestructureForms';
import { DecisionFields, RestructureModal, currentSince, useRestructureForm, type FormProps, type Problems } from './RestructureModal';
import { RS_NS } from './restructure-i18n';
import type { OrgKind } from './types';

/** several organisations, added one at a time with the searchable picker, each removable */
function OrgListPicker({ value, onChange, excludeIds, error }: { value: PickedOrg[]; onChange: (v: PickedOrg[]) => void; excludeIds: number[]; error?: string }) {
  const { t } = useTranslation(RS_NS);
  // a new picker after each choice: it starts empty again
  const [round, setRound] = useState(0);
  return (
    <Stack gap={6}>
      <OrgPicker
        key={round}
        label={t('merge.pick')}
        description={t('merge.pickHint')}
        value={null}
        onChange={(o) => {
          if (o && !value.some((v) => v.id === o.id)) onChange([...value, o]);
          setRound((r) => r + 1);
        }}
        excludeIds={[...excludeIds, ...value.map((v) => v.id)]}
        error={error}
      />
      <Text size="sm" fw={500} id="merge-picked-title">
        {t('merge.picked')}
      </Text>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('merge.pickedNone')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" m={0} p={0} aria-labelledby="merge-picked-title" style={{ listStyle: 'none' }}>
          {value.map((o) => (
            <Paper key={o.id} component="li" withBorder px="sm" py={4}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {o.name}
                </Text>
                <CloseButton size="sm" aria-label={t('merge.remove', { name: o.name })} onClick={() => onChange(value.filter((v) => v.id !== o.id))} />
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function MergeForm({ org, onClose, onDone }: FormProps) {
  const { t } = useTranslation(RS_NS);
  const [mode, setMode] = useState<'into' | 'new'>('into');
  const [picked, setPicked] = useState<PickedOrg[]>([]);
  const currentParent = org.ancestors.at(-1) ?? null;
  const [parent, setParent] = useState<PickedOrg | null>(currentParent);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrgKind | null>(org.kind);
  const [adminUnit, setAdminUnit] = useState('');
  const kinds = useKindsUnder(parent?.id ?? null);

  const form = useRestructureForm(
    (common) =>
      mode === 'into'
        ? api.post<{ eventId: number }>(`/api/orgs/${org.id}/events`, { kind: 'merge', sourceIds: picked.map((o) => o.id), ...common }).then(() => null)
        : api.post<{ id: number }>('/api/orgs', { name: name.trim(), kind, adminUnit: adminUnit.trim() || null, parentId: parent?.id ?? null, mergeFromIds: [org.id, ...picked.map((o) => o.id)], ...common }),
    (created) =>
      onDone(
        created
          ? { text: t('merge.doneNew', { name: name.trim() }), links: [{ id: created.id, name: name.trim() }] }
          : { text: t('merge.doneInto', { count: picked.length, name: org.name }) },
      ),
    () => {
      const p: Problems = {};
      if (!picked.length) p.picked = t('merge.pickedRequired');
      if (mode === 'new') {
        const n = nameProblem(name, t);
        if (n) p.name = n;
        if (!kind || !kinds.includes(kind)) p.kind = t('required');
      }
      return p;
    },
  );

  return (
    <RestructureModal title={t('merge.title')} submitLabel={t('merge.submit')} onClose={onClose} {...form.modal}>
      <Radio.Group label={t('merge.mode')} value={mode} onChange={(v) => setMode(v as 'into' | 'new')}>
        <Stack gap="xs" mt={4}>
          <Radio value="into" label={t('merge.intoThis')} description={t('merge.intoThisHelp', { name: org.name })} />
          <Radio value="new" label={t('merge.intoNew')} description={t('merge.intoNewHelp', { name: org.name })} />
        </Stack>
      </Radio.Group>
      <OrgListPicker value={picked} onChange={setPicked} excludeIds={[org.id]} error={form.problems.picked} />
      <Text size="xs" c="dimmed">
        {t('merge.kindsRule')}
      </Text>
      {mode === 'new' && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <TextInput label={t('merge.newName')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.problems.name} maxLength={200} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
              <OrgPicker label={t('merge.newParent')} value={parent} onChange={setParent} excludeIds={[org.id, ...picked.map((o) => o.id)]} />
              <KindSelect label={t('merge.newKind')} kinds={kinds} value={kind} onChange={setKind} error={form.problems.kind} />
            </SimpleGrid>
            <TextInput label={t('merge.newAdminUnit')} value={adminUnit} onChange={(e) => setAdminUnit(e.currentTarget.value)} maxLength={200} />
          </Stack>
        </Paper>
      )}
      <DecisionFields value={form.decision} onChange={form.setDecision} problems={form.problems} since={currentSince(org)} />
    </RestructureModal>
  );
}
