import { useEffect, useState } from 'react';
import { ActionIcon, Button, Fieldset, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useIsPhone } from '../../app/useIsPhone';
import { put } from './lib';
import { DialogButtons } from './parts';
import { CONGRESS_KINDS, CONGRESS_STATUSES, DEFAULT_QUORUM, SESSION_KINDS, type Congress, type CongressKind, type CongressStatus, type Session, type SessionKind } from './types';

interface SessionDraft {
  id?: number;
  kind: SessionKind;
  title: string;
  startsAt: string;
  endsAt: string;
}

/** "2025-08-17T07:30:00+07:00" → "2025-08-17T07:30" for a datetime-local field (the time of the hall, Vietnam) */
const toLocal = (iso: string | null) => (iso ? (/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/.exec(new Date(Date.parse(iso) + 7 * 3600_000).toISOString())?.[1] ?? '') : '');
const fromLocal = (v: string) => (v ? `${v}:00+07:00` : null);

export function CongressFormModal({ opened, onClose, orgId, orgName, congress, sessions, onSaved }: { opened: boolean; onClose: () => void; orgId: number; orgName: string; congress?: Congress; sessions?: Session[]; onSaved?: (id: number) => void }) {
  const { t } = useTranslation('congress');
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<CongressKind>('delegates');
  const [number, setNumber] = useState<number | string>('');
  const [term, setTerm] = useState('');
  const [venue, setVenue] = useState('');
  const [motto, setMotto] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [status, setStatus] = useState<CongressStatus>('preparing');
  const [drafts, setDrafts] = useState<SessionDraft[]>([]);
  const [quorumNumerator, setQuorumNumerator] = useState<number | string>(DEFAULT_QUORUM.numerator);
  const [quorumDenominator, setQuorumDenominator] = useState<number | string>(DEFAULT_QUORUM.denominator);

  useEffect(() => {
    if (!opened) return;
    setTitle(congress?.title ?? '');
    setKind(congress?.kind ?? 'delegates');
    setNumber(congress?.number ?? '');
    setTerm(congress?.term ?? '');
    setVenue(congress?.venue ?? '');
    setMotto(congress?.motto ?? '');
    setOpensOn(congress?.opensOn ?? '');
    setClosesOn(congress?.closesOn ?? '');
    setStatus(congress?.status ?? 'preparing');
    setQuorumNumerator(congress?.quorumNumerator ?? DEFAULT_QUORUM.numerator);
    setQuorumDenominator(congress?.quorumDenominator ?? DEFAULT_QUORUM.denominator);
    setDrafts(
      sessions?.map((s) => ({ id: s.id, kind: s.kind, title: s.title ?? '', startsAt: toLocal(s.startsAt), endsAt: toLocal(s.endsAt) })) ??
        (congress ? [] : [{ kind: 'preparatory', title: '', startsAt: '', endsAt: '' }, { kind: 'official', title: '', startsAt: '', endsAt: '' }]),
    );
  }, [opened, congress, sessions]);

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        orgId,
        title: title.trim(),
        kind,
        number: number === '' ? null : Number(number),
        term: term.trim() || null,
        venue: venue.trim() || null,
        motto: motto.trim() || null,
        opensOn,
        closesOn: closesOn || opensOn,
        quorum: { numerator: Number(quorumNumerator), denominator: Number(quorumDenominator) },
        ...(congress ? { plannedSeats: congress.plannedSeats, exOfficioSeats: congress.exOfficioSeats } : {}),
        sessions: drafts
          .filter((d) => d.startsAt)
          .map((d) => ({ ...(d.id ? { id: d.id } : {}), kind: d.kind, title: d.title.trim() || null, startsAt: fromLocal(d.startsAt)!, endsAt: fromLocal(d.endsAt) })),
      };
      if (congress) {
        await put(`/api/congresses/${congress.id}`, { ...body, status });
        return congress.id;
      }
      return (await api.post<{ id: number }>('/api/congresses', body)).id;
    },
    onSuccess: async (id) => {
      await client.invalidateQueries({ queryKey: ['congresses'] });
      await client.invalidateQueries({ queryKey: ['congress', id] });
      onClose();
      onSaved?.(id);
    },
  });

  const quorumProblem = quorumNumerator === '' || quorumDenominator === '' ? t('form.quorumMissing') : Number(quorumNumerator) > Number(quorumDenominator) ? t('form.quorumOverOne') : null;
  const setDraft = (i: number, patch: Partial<SessionDraft>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <Modal opened={opened} onClose={onClose} title={congress ? t('form.editTitle') : t('form.createTitle')} size="xl" fullScreen={isPhone}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('form.org', { org: orgName })}
          </Text>
          <TextInput label={t('fields.title')} placeholder={t('form.titlePlaceholder')} required minLength={5} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('fields.kind')} data={CONGRESS_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as CongressKind)} allowDeselect={false} />
            <NumberInput label={t('fields.number')} min={1} max={100} value={number} onChange={setNumber} />
            <TextInput label={t('fields.term')} placeholder="2025–2030" value={term} onChange={(e) => setTerm(e.currentTarget.value)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fields.opensOn')} type="date" required value={opensOn} onChange={(e) => setOpensOn(e.currentTarget.value)} />
            <TextInput label={t('fields.closesOn')} type="date" required value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} />
          </SimpleGrid>
          <TextInput label={t('fields.venue')} value={venue} onChange={(e) => setVenue(e.currentTarget.value)} />
          <TextInput label={t('fields.motto')} placeholder={t('form.mottoPlaceholder')} value={motto} onChange={(e) => setMotto(e.currentTarget.value)} />
          <Fieldset legend={t('fields.quorum')} p="sm">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <NumberInput label={t('form.quorumNumerator')} min={1} max={100} allowDecimal={false} required value={quorumNumerator} onChange={setQuorumNumerator} w={110} />
              <Text pb={6} fw={700} aria-hidden>
                /
              </Text>
              <NumberInput label={t('form.quorumDenominator')} min={1} max={100} allowDecimal={false} required value={quorumDenominator} onChange={setQuorumDenominator} w={110} error={!!quorumProblem} />
            </Group>
            {quorumProblem && (
              <Text size="xs" c="red.8" mt={4} role="alert">
                {quorumProblem}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={6}>
              {t('room.quorumNote')}
            </Text>
          </Fieldset>
          {congress && (
            <Select label={t('fields.status')} data={CONGRESS_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} value={status} onChange={(v) => v && setStatus(v as CongressStatus)} allowDeselect={false} />
          )}
          <Text fw={600} mt="xs">
            {t('fields.sessions')}
          </Text>
          {drafts.map((d, i) => (
            <Paper key={i} withBorder p="xs">
              <Group align="flex-end" gap="xs" wrap="wrap">
                <Select
                  label={t('fields.sessionKind')}
                  data={SESSION_KINDS.map((k) => ({ value: k, label: t(`sessionKind.${k}`) }))}
                  value={d.kind}
                  onChange={(v) => v && setDraft(i, { kind: v as SessionKind })}
                  allowDeselect={false}
                  w={170}
                />
                <TextInput label={t('fields.sessionTitle')} value={d.title} onChange={(e) => setDraft(i, { title: e.currentTarget.value })} style={{ flex: '1 1 160px' }} />
                <TextInput label={t('fields.startsAt')} type="datetime-local" value={d.startsAt} onChange={(e) => setDraft(i, { startsAt: e.currentTarget.value })} w={200} />
                <TextInput label={t('fields.endsAt')} type="datetime-local" value={d.endsAt} onChange={(e) => setDraft(i, { endsAt: e.currentTarget.value })} w={200} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('form.removeSession')} onClick={() => setDrafts((ds) => ds.filter((_, j) => j !== i))}>
                  ✕
                </ActionIcon>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button variant="light" size="xs" onClick={() => setDrafts((ds) => [...ds, { kind: 'official', title: '', startsAt: '', endsAt: '' }])}>
              {t('form.addSession')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('form.sessionsHint')}
          </Text>
          <ErrorAlert error={save.error} />
          <DialogButtons onCancel={onClose} saving={save.isPending} disabled={!!quorumProblem} />
        </Stack>
      </form>
    </Modal>
  );
}
