// Chia tách: the organisation closes and two or more new ones take its members and sub-units; one of them takes
// whoever and whatever is not placed by name.
import { useMemo, useState } from 'react';
import { Button, CloseButton, Fieldset, Group, Loader, MultiSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { MemberPage } from '../members/types';
import { KindSelect, nameProblem, useKindsUnder } from './RestructureForms';
import { DecisionFields, RestructureModal, currentSince, useRestructureForm, type FormProps, type Problems } from './RestructureModal';
import { RS_NS } from './restructure-i18n';
import type { OrgKind } from './types';

interface Picked {
  id: number;
  name: string;
}

interface Part {
  key: number;
  name: string;
  kind: OrgKind | null;
  members: Picked[];
  childIds: string[];
}

/** members who belong directly to the organisation, found by typing part of the name (accents optional) */
function MemberMultiPicker({ orgId, value, onChange, excludeIds, label }: { orgId: number; value: Picked[]; onChange: (v: Picked[]) => void; excludeIds: Set<number>; label: string }) {
  const { t } = useTranslation(RS_NS);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const q = useQuery({
    queryKey: ['members', orgId, 'split-picker', debounced],
    queryFn: () => api.get<MemberPage>(`/api/orgs/${orgId}/members`, { scope: 'direct', search: debounced || undefined, pageSize: 30 }),
  });
  const options = useMemo(() => {
    const found = (q.data?.items ?? []).filter((m) => !excludeIds.has(m.id)).map((m) => ({ id: m.id, name: m.fullName }));
    return [...value, ...found.filter((m) => !value.some((v) => v.id === m.id))];
  }, [q.data, value, excludeIds]);
  return (
    <MultiSelect
      label={label}
      placeholder={value.length ? undefined : t('split.membersPlaceholder')}
      searchable
      clearable
      data={options.map((m) => ({ value: String(m.id), label: m.name }))}
      value={value.map((m) => String(m.id))}
      onChange={(ids) => onChange(ids.map((id) => options.find((m) => String(m.id) === id)!).filter(Boolean))}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: opts }) => opts}
      rightSection={q.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={260}
    />
  );
}

export function SplitForm({ org, onClose, onDone }: FormProps) {
  const { t } = useTranslation(RS_NS);
  const kinds = useKindsUnder(org.parentId);
  const blank = (key: number): Part => ({ key, name: '', kind: org.kind, members: [], childIds: [] });
  const [parts, setParts] = useState<Part[]>(() => [blank(1), blank(2)]);
  const [rest, setRest] = useState(0);
  const update = (i: number, change: Partial<Part>) => setParts((ps) => ps.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const removePart = (i: number) => {
    setParts((ps) => ps.filter((_, j) => j !== i));
    setRest((r) => (r === i ? 0 : r > i ? r - 1 : r));
  };

  const form = useRestructureForm(
    (common) =>
      api.post<{ eventId: number; newIds: number[] }>(`/api/orgs/${org.id}/events`, {
        kind: 'split',
        parts: parts.map((p, i) => ({ name: p.name.trim(), kind: p.kind, memberIds: p.members.map((m) => m.id), childIds: p.childIds.map(Number), takesRest: i === rest })),
        ...common,
      }),
    ({ newIds }) => {
      const links = newIds.map((id, i) => ({ id, name: parts[i].name.trim() }));
      onDone({ text: t('split.done', { names: links.map((l) => l.name).join(', ') }), links });
    },
    () => {
      const p: Problems = {};
      parts.forEach((part, i) => {
        const n = nameProblem(part.name, t);
        if (n) p[`name${i}`] = n;
        if (!part.kind || !kinds.includes(part.kind)) p[`kind${i}`] = t('required');
      });
      return p;
    },
  );

  return (
    <RestructureModal title={t('split.title', { name: org.name })} submitLabel={t('split.submit')} onClose={onClose} {...form.modal}>
      <Text size="sm">{t('split.help', { name: org.name })}</Text>
      {parts.map((part, i) => {
        const elsewhere = new Set(parts.filter((_, j) => j !== i).flatMap((p) => p.members.map((m) => m.id)));
        const childrenElsewhere = new Set(parts.filter((_, j) => j !== i).flatMap((p) => p.childIds));
        const n = i + 1;
        return (
          <Fieldset
            key={part.key}
            p="sm"
            legend={
              <Group gap={4} wrap="nowrap">
                <span>{t('split.part', { n })}</span>
                {parts.length > 2 && <CloseButton size="sm" aria-label={t('split.removePart', { n })} onClick={() => removePart(i)} />}
              </Group>
            }
          >
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
                <TextInput label={t('split.name')} required value={part.name} onChange={(e) => update(i, { name: e.currentTarget.value })} error={form.problems[`name${i}`]} maxLength={200} />
                <KindSelect label={t('split.kind')} kinds={kinds} value={part.kind} onChange={(kind) => update(i, { kind })} error={form.problems[`kind${i}`]} />
              </SimpleGrid>
              {org.directMemberCount > 0 && <MemberMultiPicker orgId={org.id} label={t('split.members')} value={part.members} onChange={(members) => update(i, { members })} excludeIds={elsewhere} />}
              {org.children.length > 0 && (
                <MultiSelect
                  label={t('split.children')}
                  data={org.children.filter((c) => !childrenElsewhere.has(String(c.id))).map((c) => ({ value: String(c.id), label: c.name }))}
                  value={part.childIds}
                  onChange={(childIds) => update(i, { childIds })}
                  searchable
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
              )}
              <Radio name="split-takes-rest" label={t('split.takesRest')} checked={rest === i} onChange={() => setRest(i)} />
            </Stack>
          </Fieldset>
        );
      })}
      {parts.length < 20 && (
        <Group>
          <Button variant="light" onClick={() => setParts((ps) => [...ps, blank(Math.max(...ps.map((p) => p.key)) + 1)])}>
            {t('split.addPart')}
          </Button>
        </Group>
      )}
      <DecisionFields value={form.decision} onChange={form.setDecision} problems={form.problems} since={currentSince(org)} />
    </RestructureModal>
  );
}
