// The forms of the single-organisation events: found a sub-unit, rename, move under another parent, dissolve,
// and the administrative unit (a fact, not an event). Merge and split have files of their own.
import { useState } from 'react';
import { Alert, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, ROOT_KINDS, allowedChildKinds } from '../../../../src/modules/orgs/orgs.rules';
import { api } from '../../app/api';
import { formatNumber } from '../../app/format';
import { OrgPicker, type PickedOrg } from './OrgPicker';
import { DecisionFields, RestructureModal, currentSince, refreshAfterRestructure, useRestructureForm, type FormProps, type Problems } from './RestructureModal';
import { RS_NS } from './restructure-i18n';
import type { OrgDetail, OrgKind } from './types';

/** the kinds that may sit under this parent (top-level kinds without one); every kind while the parent is loading or unreadable */
export function useKindsUnder(parentId: number | null): readonly OrgKind[] {
  const q = useQuery({ queryKey: ['org', parentId, ''], queryFn: () => api.get<OrgDetail>(`/api/orgs/${parentId}`), enabled: parentId !== null });
  if (parentId === null) return ROOT_KINDS;
  return q.data ? allowedChildKinds[q.data.kind] : ORG_KINDS;
}

export function KindSelect({ label, kinds, value, onChange, error }: { label: string; kinds: readonly OrgKind[]; value: OrgKind | null; onChange: (k: OrgKind | null) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      required
      data={kinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
      value={value && kinds.includes(value) ? value : null}
      onChange={(v) => onChange(v as OrgKind | null)}
      allowDeselect={false}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** a name of at least two characters (the server's rule) */
export function nameProblem(name: string, t: (key: string) => string): string | undefined {
  const n = name.trim();
  if (!n) return t('required');
  if (n.length < 2) return t('nameTooShort');
  return undefined;
}

const withoutEmpty = (p: Record<string, string | undefined>): Problems => Object.fromEntries(Object.entries(p).filter((e): e is [string, string] => !!e[1]));

export function FoundForm({ org, onClose, onDone }: FormProps) {
  const { t } = useTranslation(RS_NS);
  const kinds = allowedChildKinds[org.kind];
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrgKind | null>(kinds.length === 1 ? kinds[0] : null);
  const [adminUnit, setAdminUnit] = useState('');
  const form = useRestructureForm(
    (common) => api.post<{ id: number }>('/api/orgs', { name: name.trim(), kind, adminUnit: adminUnit.trim() || null, parentId: org.id, ...common }),
    ({ id }) => onDone({ text: t('found.done', { name: name.trim() }), links: [{ id, name: name.trim() }] }),
    () => withoutEmpty({ name: nameProblem(name, t), kind: kind ? undefined : t('required') }),
  );
  return (
    <RestructureModal title={t('found.title', { name: org.name })} submitLabel={t('found.submit')} onClose={onClose} {...form.modal}>
      <TextInput label={t('found.name')} placeholder={t('found.namePlaceholder')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.problems.name} maxLength={200} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <KindSelect label={t('found.kind')} kinds={kinds} value={kind} onChange={setKind} error={form.problems.kind} />
        <TextInput label={t('found.adminUnit')} value={adminUnit} onChange={(e) => setAdminUnit(e.currentTarget.value)} maxLength={200} />
      </SimpleGrid>
      <DecisionFields value={form.decision} onChange={form.setDecision} problems={form.problems} since={currentSince(org)} />
    </RestructureModal>
  );
}

export function RenameForm({ org, onClose, onDone }: FormProps) {
  const { t } = useTranslation(RS_NS);
  const [name, setName] = useState(org.name);
  const form = useRestructureForm(
    (common) => api.post(`/api/orgs/${org.id}/events`, { kind: 'rename', newName: name.trim(), ...common }),
    () => onDone({ text: t('rename.done', { name: name.trim() }) }),
    () => withoutEmpty({ name: nameProblem(name, t) ?? (name.trim() === org.name ? t('rename.same') : undefined) }),
  );
  return (
    <RestructureModal title={t('rename.title', { name: org.name })} submitLabel={t('rename.submit')} onClose={onClose} {...form.modal}>
      <TextInput label={t('rename.newName')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.problems.name} maxLength={200} data-autofocus />
      <DecisionFields value={form.decision} onChange={form.setDecision} problems={form.problems} since={currentSince(org)} />
    </RestructureModal>
  );
}

export function MoveForm({ org, onClose, onDone }: FormProps) {
  const { t } = useTranslation(RS_NS);
  const [parent, setParent] = useState<PickedOrg | null>(null);
  const current = org.ancestors.at(-1);
  const form = useRestructureForm(
    (common) => api.post(`/api/orgs/${org.id}/events`, { kind: 'move', newParentId: parent!.id, ...common }),
    () => onDone({ text: t('move.done', { name: parent!.name }) }),
    () => withoutEmpty({ parent: parent ? undefined : t('move.newParentRequired') }),
  );
  return (
    <RestructureModal title={t('move.title', { name: org.name })} submitLabel={t('move.submit')} onClose={onClose} {...form.modal}>
      <Text size="sm">{current ? t('move.current', { parent: current.name }) : t('move.currentNone')}</Text>
      <OrgPicker label={t('move.newParent')} value={parent} onChange={setParent} excludeIds={[org.id, ...(current ? [current.id] : [])]} required error={form.problems.parent} />
      <DecisionFields value={form.decision} onChange={form.setDecision} problems={form.problems} since={currentSince(org)} />
    </RestructureModal>
  );
}

export function DissolveForm({ org, onClose, onDone }: FormProps) {
  const { t, i18n } = useTranslation(RS_NS);
  const [receiver, setReceiver] = useState<PickedOrg | null>(null);
  const holdsSome = org.directMemberCount > 0 || org.children.length > 0;
  const form = useRestructureForm(
    (common) => api.post(`/api/orgs/${org.id}/events`, { kind: 'dissolve', transferToId: receiver?.id ?? null, ...common }),
    () => onDone({ text: t('dissolve.done', { name: org.name }) }),
    () => withoutEmpty({ receiver: holdsSome && !receiver ? t('dissolve.transferRequired') : undefined }),
  );
  return (
    <RestructureModal title={t('dissolve.title', { name: org.name })} submitLabel={t('dissolve.submit')} danger onClose={onClose} {...form.modal}>
      <Alert color="orange" variant="light">
        {t('dissolve.warning')}
      </Alert>
      <Text size="sm">
        {holdsSome
          ? t('dissolve.holds', { members: formatNumber(org.directMemberCount, i18n.language), units: formatNumber(org.children.length, i18n.language) })
          : t('dissolve.empty')}
      </Text>
      <OrgPicker label={t('dissolve.transferTo')} value={receiver} onChange={setReceiver} excludeIds={[org.id]} required={holdsSome} error={form.problems.receiver} />
      <DecisionFields value={form.decision} onChange={form.setDecision} problems={form.problems} since={currentSince(org)} />
    </RestructureModal>
  );
}

export function AdminUnitForm({ org, onClose, onDone }: FormProps) {
  const { t } = useTranslation(RS_NS);
  const client = useQueryClient();
  const [value, setValue] = useState(org.adminUnit ?? '');
  const mutation = useMutation({
    mutationFn: () => api.patch(`/api/orgs/${org.id}`, { adminUnit: value.trim() || null }),
    onSuccess: async () => {
      await refreshAfterRestructure(client);
      onDone({ text: t('adminUnit.done') });
    },
  });
  return (
    <RestructureModal
      title={t('adminUnit.title', { name: org.name })}
      submitLabel={t('common.save', { ns: 'translation' })}
      onClose={onClose}
      onSubmit={() => (mutation.mutate(), true)}
      pending={mutation.isPending}
      error={mutation.error}
    >
      <TextInput label={t('adminUnit.label')} placeholder={t('adminUnit.placeholder')} description={t('adminUnit.hint')} value={value} onChange={(e) => setValue(e.currentTarget.value)} maxLength={200} data-autofocus />
    </RestructureModal>
  );
}
