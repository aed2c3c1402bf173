import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { put } from '../congress/lib';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate, formatDateTime } from '../../app/format';
import { NS } from './i18n';
import { votingKey } from './lib';
import { LEADER_BODIES, type Appointment, type Leader, type LeaderBody } from './types';

/** the bodies an appointment decision names, in the order a decision lists them */
const APPOINTED: LeaderBody[] = ['executive_committee', 'standing_committee', 'secretary', 'deputy_secretaries', 'inspection_committee', 'inspection_chair', 'inspection_deputies'];

/** members grouped by body in the order of LEADER_BODIES */
export function byBody(members: readonly Leader[]): [LeaderBody, Leader[]][] {
  return LEADER_BODIES.map((b) => [b, members.filter((m) => m.body === b).sort((x, y) => x.position - y.position)] as [LeaderBody, Leader[]]).filter(([, list]) => list.length > 0);
}

export function AppointmentCard({ a, canManage, onAnnounce, onEdit, projected }: { a: Appointment; canManage: boolean; onAnnounce: () => void; onEdit: () => void; projected: boolean }) {
  const { t } = useTranslation(NS);
  return (
    <Paper withBorder p="md" component="article" aria-label={a.decisionNumber}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Text fw={700}>{t('appointment.heading', { number: a.decisionNumber, date: formatDate(a.decisionDate) })}</Text>
            <Text size="sm">{a.issuer}</Text>
          </div>
          {canManage && (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={onEdit}>
                {t('common.edit')}
              </Button>
              <Button size="xs" color="dark" variant={projected ? 'filled' : 'outline'} onClick={onAnnounce} aria-pressed={projected}>
                {t('appointment.announce')}
              </Button>
            </Group>
          )}
        </Group>
        {a.announcedAt && (
          <Text size="xs" c="dimmed">
            {t('appointment.announcedAt', { at: formatDateTime(a.announcedAt) })}
          </Text>
        )}
        {byBody(a.members).map(([body, list]) => (
          <Text size="sm" key={body}>
            <b>{t(`leaderBody.${body}`)}</b> ({list.length}): {list.map((m) => m.fullName).join(', ')}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * record the higher committee's decision appointing the leadership: one name a line under each body; or correct a
 * recorded one (the names keep their link to the member registry)
 */
export function AppointmentForm({ congressId, appointment, opened, onClose }: { congressId: number; appointment?: Appointment | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const [decisionNumber, setNumber] = useState(appointment?.decisionNumber ?? '');
  const [decisionDate, setDate] = useState(appointment?.decisionDate ?? '');
  const [issuer, setIssuer] = useState(appointment?.issuer ?? '');
  const [note, setNote] = useState(appointment?.note ?? '');
  const [lists, setLists] = useState<Partial<Record<LeaderBody, string>>>(() =>
    Object.fromEntries(byBody(appointment?.members ?? []).map(([body, list]) => [body, list.map((m) => m.fullName).join('\n')])),
  );
  const knownMember = new Map((appointment?.members ?? []).filter((m) => m.memberId).map((m) => [m.fullName, m.memberId]));
  const members = APPOINTED.flatMap((body) =>
    (lists[body] ?? '')
      .split('\n')
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter((s) => s.length >= 2)
      .map((fullName) => (knownMember.has(fullName) ? { body, fullName, memberId: knownMember.get(fullName) } : { body, fullName })),
  );
  const save = useMutation({
    mutationFn: () => {
      const body = { decisionNumber: decisionNumber.trim(), decisionDate, issuer: issuer.trim(), note: note.trim() || null, members };
      return appointment ? put(`/api/congresses/${congressId}/appointments/${appointment.id}`, body) : api.post(`/api/congresses/${congressId}/appointments`, body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: votingKey(congressId) });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={appointment ? t('appointment.edit') : t('appointment.create')} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('appointment.number')} placeholder="2314-QĐ/TU" value={decisionNumber} onChange={(e) => setNumber(e.currentTarget.value)} required />
            <TextInput label={t('appointment.date')} type="date" value={decisionDate} onChange={(e) => setDate(e.currentTarget.value)} required />
            <TextInput label={t('appointment.issuer')} placeholder={t('appointment.issuerHint')} value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} required />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('appointment.membersHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {APPOINTED.map((body) => (
              <Textarea
                key={body}
                label={t(`leaderBody.${body}`)}
                value={lists[body] ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setLists((l) => ({ ...l, [body]: v }));
                }}
                autosize
                minRows={body === 'secretary' || body === 'inspection_chair' ? 1 : 3}
                maxRows={12}
              />
            ))}
          </SimpleGrid>
          <Textarea label={t('appointment.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Text size="sm" c="dimmed">
              {t('appointment.count', { count: members.length })}
            </Text>
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!members.length}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
