import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError, api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { todayInVietnam } from '../../app/format';
import { useIsPhone } from '../../app/useIsPhone';
import { EDUCATION_LEVELS, GENDERS, THEORY_LEVELS, type Member, type MemberProfile } from './types';

type Mode = { kind: 'create'; orgId: number } | { kind: 'edit'; member: Member };

interface FormState {
  fullName: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  religion: string;
  hometown: string;
  education: string | null;
  theoryLevel: string | null;
  admittedOn: string;
  officialOn: string;
  cardNumber: string;
  position: string;
}

const empty: FormState = {
  fullName: '',
  gender: 'male',
  birthDate: '',
  ethnicity: 'Kinh',
  religion: '',
  hometown: '',
  education: null,
  theoryLevel: null,
  admittedOn: '',
  officialOn: '',
  cardNumber: '',
  position: '',
};

function fromMember(m: Member): FormState {
  return {
    fullName: m.fullName,
    gender: m.gender,
    birthDate: m.birthDate,
    ethnicity: m.ethnicity,
    religion: m.religion ?? '',
    hometown: m.hometown ?? '',
    education: m.education,
    theoryLevel: m.theoryLevel,
    admittedOn: m.admittedOn,
    officialOn: m.officialOn ?? '',
    cardNumber: m.cardNumber ?? '',
    position: m.position ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function toProfile(f: FormState): MemberProfile {
  return {
    fullName: f.fullName.trim(),
    gender: f.gender as MemberProfile['gender'],
    birthDate: f.birthDate,
    ethnicity: f.ethnicity.trim(),
    religion: orNull(f.religion),
    hometown: orNull(f.hometown),
    education: (f.education || null) as MemberProfile['education'],
    theoryLevel: (f.theoryLevel || null) as MemberProfile['theoryLevel'],
    admittedOn: f.admittedOn,
    officialOn: f.officialOn || null,
    cardNumber: orNull(f.cardNumber.replace(/\s/g, '')),
    position: orNull(f.position),
  };
}

export function MemberFormModal({ opened, onClose, mode }: { opened: boolean; onClose: () => void; mode: Mode }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<FormState>(empty);

  useEffect(() => {
    if (opened) setForm(mode.kind === 'edit' ? fromMember(mode.member) : empty);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const save = useMutation({
    mutationFn: async (profile: MemberProfile) => {
      if (mode.kind === 'create') return (await api.post<{ id: number }>(`/api/orgs/${mode.orgId}/members`, profile)).id;
      await api.patch(`/api/members/${mode.member.id}`, profile);
      return mode.member.id;
    },
    onSuccess: async (id) => {
      await Promise.all([client.invalidateQueries({ queryKey: ['members'] }), client.invalidateQueries({ queryKey: ['member'] }), client.invalidateQueries({ queryKey: ['org'] })]);
      onClose();
      if (mode.kind === 'create') navigate(`/members/${id}`);
    },
  });

  useEffect(() => {
    if (opened) save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const fieldErrors = new Map<string, string>();
  if (save.error instanceof ApiError && Array.isArray(save.error.details)) {
    for (const d of save.error.details as { field?: string; message?: string }[]) if (d?.field && d.message && !fieldErrors.has(d.field)) fieldErrors.set(d.field, d.message);
  }
  const err = (f: keyof FormState) => fieldErrors.get(f);
  const set = (f: keyof FormState) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setForm((s) => ({ ...s, [f]: v }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toProfile(form));
  };
  const today = todayInVietnam();

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={mode.kind === 'create' ? t('memberForm.createTitle') : t('memberForm.editTitle', { name: mode.member.fullName })}
      size="lg"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <TextInput label={t('members.fullName')} value={form.fullName} onChange={set('fullName')} required error={err('fullName')} data-autofocus />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('members.gender')}
              data={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
              value={form.gender}
              onChange={(v) => setForm((s) => ({ ...s, gender: v ?? 'male' }))}
              allowDeselect={false}
              required
              error={err('gender')}
            />
            <TextInput label={t('members.birthDate')} type="date" max={today} value={form.birthDate} onChange={set('birthDate')} required error={err('birthDate')} />
            <TextInput label={t('members.ethnicity')} value={form.ethnicity} onChange={set('ethnicity')} required error={err('ethnicity')} />
            <TextInput label={t('members.religion')} value={form.religion} onChange={set('religion')} error={err('religion')} />
          </SimpleGrid>
          <TextInput label={t('members.hometown')} value={form.hometown} onChange={set('hometown')} error={err('hometown')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('members.education')}
              data={EDUCATION_LEVELS.map((g) => ({ value: g, label: t(`education.${g}`) }))}
              value={form.education}
              onChange={(v) => setForm((s) => ({ ...s, education: v }))}
              clearable
              error={err('education')}
            />
            <Select
              label={t('members.theoryLevel')}
              data={THEORY_LEVELS.map((g) => ({ value: g, label: t(`theory.${g}`) }))}
              value={form.theoryLevel}
              onChange={(v) => setForm((s) => ({ ...s, theoryLevel: v }))}
              clearable
              error={err('theoryLevel')}
            />
            <TextInput label={t('members.admittedOn')} type="date" max={today} value={form.admittedOn} onChange={set('admittedOn')} required error={err('admittedOn')} />
            <TextInput
              label={t('members.officialOn')}
              description={t('memberForm.officialHint')}
              type="date"
              value={form.officialOn}
              onChange={set('officialOn')}
              error={err('officialOn')}
            />
            <TextInput label={t('members.cardNumber')} inputMode="numeric" value={form.cardNumber} onChange={set('cardNumber')} error={err('cardNumber')} />
            <TextInput label={t('members.position')} value={form.position} onChange={set('position')} error={err('position')} />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
