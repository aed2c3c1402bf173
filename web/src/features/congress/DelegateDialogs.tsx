// The dialogs of one delegate in the delegates tab: edit their record, replace an absent official by an alternate.
import { Checkbox, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useIsPhone } from '../../app/useIsPhone';
import { DialogButtons } from './parts';
import { DELEGATE_CLASSES, DELEGATE_ORIGINS, type Delegate, type DelegateClass, type DelegateOrigin } from './types';

/** PATCH /api/congresses/:id/delegates/:delegateId: category, origin, the alternate's order of votes, the credentials committee's note, withdrawal */
export function DelegateEditModal({ congressId, delegate, onClose }: { congressId: number; delegate: Delegate | null; onClose: () => void }) {
  const { t } = useTranslation('congress');
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const [cls, setCls] = useState<DelegateClass>('official');
  const [origin, setOrigin] = useState<DelegateOrigin>('elected');
  const [rank, setRank] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [withdrawn, setWithdrawn] = useState(false);
  useEffect(() => {
    if (!delegate) return;
    setCls(delegate.class);
    setOrigin(delegate.origin);
    setRank(delegate.rank ?? '');
    setNote(delegate.eligibilityNote ?? '');
    setWithdrawn(delegate.status === 'withdrawn');
  }, [delegate]);
  const close = () => {
    save.reset();
    onClose();
  };
  const save = useMutation({
    mutationFn: () => {
      const d = delegate!;
      return api.patch(`/api/congresses/${congressId}/delegates/${d.id}`, {
        class: cls,
        origin,
        rank: rank === '' ? null : Number(rank),
        eligibilityNote: note.trim() || null,
        // only a change: withdrawing revokes the card, and a replaced delegate cannot come back
        ...(withdrawn !== (d.status === 'withdrawn') ? { withdrawn } : {}),
      });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['congress', congressId] });
      close();
    },
  });

  return (
    <Modal opened={!!delegate} onClose={close} title={t('editDelegate.title', { name: delegate?.fullName ?? '' })} size="lg" fullScreen={isPhone}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select label={t('delegates.class')} data={DELEGATE_CLASSES.map((c) => ({ value: c, label: t(`class.${c}`) }))} value={cls} onChange={(v) => v && setCls(v as DelegateClass)} allowDeselect={false} />
            <Select label={t('delegates.origin')} data={DELEGATE_ORIGINS.map((o) => ({ value: o, label: t(`origin.${o}`) }))} value={origin} onChange={(v) => v && setOrigin(v as DelegateOrigin)} allowDeselect={false} />
          </SimpleGrid>
          <NumberInput label={t('editDelegate.rank')} description={t('editDelegate.rankHint')} min={1} max={100000} allowDecimal={false} value={rank} onChange={setRank} />
          {cls === 'official' && rank !== '' && (
            <Text size="xs" c="dimmed">
              {t('editDelegate.rankOfficial')}
            </Text>
          )}
          <Textarea label={t('editDelegate.note')} description={t('editDelegate.noteHint')} autosize minRows={2} maxRows={6} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Checkbox
            label={t('editDelegate.withdrawn')}
            description={delegate?.status === 'replaced' ? t('editDelegate.replaced') : t('editDelegate.withdrawnHint')}
            checked={withdrawn}
            disabled={delegate?.status === 'replaced'}
            onChange={(e) => setWithdrawn(e.currentTarget.checked)}
          />
          <ErrorAlert error={save.error} />
          <DialogButtons onCancel={close} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** RULES.md "Delegates": an alternate of the same unit, in the order of votes, stands in for an absent official delegate (the server checks) */
export function ReplaceModal({ congressId, official, delegates, onClose }: { congressId: number; official: Delegate | null; delegates: Delegate[]; onClose: () => void }) {
  const { t } = useTranslation('congress');
  const client = useQueryClient();
  const [alternateId, setAlternateId] = useState<string | null>(null);
  const [decidedBy, setDecidedBy] = useState('');
  const [reason, setReason] = useState('');
  const replacingIds = new Set(delegates.map((d) => d.replacesDelegateId).filter((x) => x !== null));
  const alternates = delegates
    .filter((d) => d.class === 'alternate' && d.status === 'active' && !d.replacesDelegateId && d.unitOrgId === official?.unitOrgId && !replacingIds.has(d.id))
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.id - b.id);
  const close = () => {
    setAlternateId(null);
    setReason('');
    replace.reset();
    onClose();
  };
  const replace = useMutation({
    mutationFn: () => api.post(`/api/congresses/${congressId}/delegates/${official!.id}/replace`, { alternateId: Number(alternateId), decidedBy: decidedBy.trim() || 'Đoàn Chủ tịch đại hội', reason: reason.trim() }), // the record is kept in Vietnamese
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['congress', congressId] });
      close();
    },
  });
  return (
    <Modal opened={!!official} onClose={close} title={t('replace.title', { name: official?.fullName ?? '' })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          replace.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('replace.rule')}</Text>
          <Select
            label={t('replace.alternate')}
            required
            data={alternates.map((a) => ({ value: String(a.id), label: `${a.number}. ${a.fullName}${a.rank ? ` (${t('replace.rank', { rank: a.rank })})` : ''}` }))}
            value={alternateId}
            onChange={setAlternateId}
            nothingFoundMessage={t('replace.noAlternate')}
          />
          {alternates.length === 0 && <Text size="sm" c="red.8">{t('replace.noAlternate')}</Text>}
          <TextInput label={t('replace.decidedBy')} placeholder={t('replace.defaultDecidedBy')} value={decidedBy} onChange={(e) => setDecidedBy(e.currentTarget.value)} />
          <TextInput label={t('replace.reason')} required minLength={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <ErrorAlert error={replace.error} />
          <DialogButtons onCancel={close} saving={replace.isPending} disabled={!alternateId || reason.trim().length < 2} saveLabel={t('replace.submit')} />
        </Stack>
      </form>
    </Modal>
  );
}
