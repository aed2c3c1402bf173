import { useMemo, useState } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { OrgListItem } from './types';

export interface PickedOrg {
  id: number;
  name: string;
}

/** picks a current organisation by typing part of its name (unaccented works: "tu son") */
export function OrgPicker({
  label,
  value,
  onChange,
  excludeIds = [],
  required,
  error,
  description,
}: {
  label: string;
  value: PickedOrg | null;
  onChange: (org: PickedOrg | null) => void;
  excludeIds?: number[];
  required?: boolean;
  error?: string;
  description?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const typing = debounced && debounced !== value?.name;
  const q = useQuery({
    queryKey: ['orgs', 'picker', debounced],
    queryFn: () => api.get<OrgListItem[]>('/api/orgs', { search: debounced, limit: 30 }),
    enabled: !!typing,
  });
  const options = useMemo(() => {
    const list = (typing ? (q.data ?? []) : []).filter((o) => !excludeIds.includes(o.id));
    const all: PickedOrg[] = list;
    if (value && !list.some((o) => o.id === value.id)) all.unshift(value);
    return all;
  }, [q.data, typing, value, excludeIds]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('orgPicker.placeholder')}
      searchable
      clearable
      required={required}
      error={error}
      data={options.map((o) => ({ value: String(o.id), label: o.name }))}
      value={value ? String(value.id) : null}
      onChange={(v) => {
        const org = options.find((o) => String(o.id) === v) ?? null;
        onChange(org ? { id: org.id, name: org.name } : null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: opts }) => opts}
      nothingFoundMessage={typing ? (q.isFetching ? t('common.loading') : t('orgPicker.nothing')) : t('orgPicker.typeToSearch')}
      rightSection={q.isFetching ? <Loader size={14} /> : undefined}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={280}
    />
  );
}
