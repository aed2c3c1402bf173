import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Box, Breadcrumbs, Button, Flex, Group, Loader, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { StatusBadge } from '../../app/StatusBadge';
import { formatDate, todayInVietnam } from '../../app/format';
import { useIsPhone } from '../../app/useIsPhone';
import { downloadPost } from '../congress/lib';
import { OrgPicker, type PickedOrg } from '../orgs/OrgPicker';
import type { OrgDetail } from '../orgs/types';
import { MemberFormModal } from './MemberFormModal';
import { MemberPhoto } from './MemberPhoto';
import './photo-i18n';
import { LEAVE_REASONS, type MemberDetail } from './types';

export function MemberPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const memberId = Number(id);
  const { can } = useAuth();
  const [editOpened, edit] = useDisclosure(false);
  const [transferOpened, transfer] = useDisclosure(false);
  const [leaveOpened, leave] = useDisclosure(false);
  const [reissueOpened, reissue] = useDisclosure(false);
  const [notice, setNotice] = useState<string | null>(null);

  const q = useQuery({ queryKey: ['member', memberId], queryFn: () => api.get<MemberDetail>(`/api/members/${memberId}`) });
  const orgQ = useQuery({
    queryKey: ['org', q.data?.orgId, ''],
    queryFn: () => api.get<OrgDetail>(`/api/orgs/${q.data!.orgId}`),
    enabled: !!q.data,
  });

  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const m = q.data;
  const org = orgQ.data;
  const pathIds = org ? [...org.ancestors.map((a) => a.id), org.id] : [m.orgId];
  const canManage = m.status === 'active' && can('member.manage', pathIds);

  const facts: [string, ReactNode][] = [
    [t('members.gender'), t(`gender.${m.gender}`)],
    [t('members.birthDate'), formatDate(m.birthDate)],
    [t('members.ethnicity'), m.ethnicity],
    [t('members.religion'), m.religion || '—'],
    [t('members.hometown'), m.hometown || '—'],
    [t('members.education'), m.education ? t(`education.${m.education}`) : '—'],
    [t('members.theoryLevel'), m.theoryLevel ? t(`theory.${m.theoryLevel}`) : '—'],
    [t('members.admittedOn'), formatDate(m.admittedOn)],
    [t('members.officialOn'), m.officialOn ? formatDate(m.officialOn) : '—'],
    [t('members.cardNumber'), m.cardNumber || '—'],
    [t('members.position'), m.position || '—'],
    [
      t('members.unit'),
      <Anchor key="org" component={Link} to={`/orgs/${m.orgId}`}>
        {m.orgName}
      </Anchor>,
    ],
  ];

  return (
    <Stack gap="md">
      <Breadcrumbs separator="›" separatorMargin={4} style={{ flexWrap: 'wrap', rowGap: 4 }} aria-label={t('orgs.breadcrumbs')}>
        <Anchor component={Link} to="/orgs" size="sm">
          {t('nav.orgs')}
        </Anchor>
        {org?.ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={`/orgs/${a.id}`} size="sm">
            {a.name}
          </Anchor>
        ))}
        <Anchor component={Link} to={`/orgs/${m.orgId}`} size="sm">
          {m.orgName}
        </Anchor>
      </Breadcrumbs>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {m.fullName}
        </Title>
        {m.status === 'left' ? (
          <Badge color="gray" variant="filled">
            {t('members.left')}
          </Badge>
        ) : (
          <StatusBadge probationary={m.probationary} />
        )}
      </Group>
      {notice && (
        <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('common.close')}>
          {notice}
        </Alert>
      )}
      {m.status === 'left' && (
        <Alert color="gray" variant="light">
          {t('members.leftOn', { date: formatDate(m.leftOn), reason: m.leftReason ? t(`leaveReason.${m.leftReason}`) : '' })}
          {m.leftNote ? ` — ${m.leftNote}` : ''}
        </Alert>
      )}
      {canManage && (
        <Group gap="xs">
          <Button onClick={edit.open}>{t('members.edit')}</Button>
          <Button variant="light" onClick={transfer.open}>
            {t('transfer.button')}
          </Button>
          <Button variant="default" onClick={leave.open}>
            {t('leave.button')}
          </Button>
          <Button variant="default" onClick={reissue.open}>
            {t('studyCard.button')}
          </Button>
        </Group>
      )}
      {reissueOpened && <ReissueCardModal member={m} onClose={reissue.close} onDone={() => setNotice(t('studyCard.done'))} />}
      <Paper withBorder p="md" component="section" aria-labelledby="profile-title">
        <Title order={2} size="h4" mb="sm" id="profile-title">
          {t('members.profile')}
        </Title>
        <Flex direction={{ base: 'column', sm: 'row' }} gap="md" align="flex-start">
          <MemberPhoto memberId={m.id} name={m.fullName} photo={m.photo} canManage={canManage} />
          <Box style={{ flex: 1 }} w="100%">
            <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" component="dl" m={0}>
              {facts.map(([label, value]) => (
                <div key={label}>
                  <Text component="dt" size="sm" c="dimmed">
                    {label}
                  </Text>
                  <Text component="dd" m={0} fw={500}>
                    {value}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Box>
        </Flex>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="history-title">
        <Title order={2} size="h4" mb="sm" id="history-title">
          {t('members.history')}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.periodFrom')}</Table.Th>
                <Table.Th>{t('members.periodTo')}</Table.Th>
                <Table.Th>{t('members.unit')}</Table.Th>
                <Table.Th>{t('members.periodReason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.history.map((h, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{formatDate(h.from)}</Table.Td>
                  <Table.Td>{h.to ? formatDate(h.to) : t('orgs.now')}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/orgs/${h.orgId}`}>
                      {h.orgName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {t(`periodReason.${h.reason}`, { defaultValue: h.reason })}
                    {h.note ? ` — ${h.note}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {canManage && (
        <>
          <MemberFormModal opened={editOpened} onClose={edit.close} mode={{ kind: 'edit', member: m }} />
          <TransferModal opened={transferOpened} onClose={transfer.close} member={m} onDone={(to) => setNotice(t('transfer.done', { name: m.fullName, org: to }))} />
          <LeaveModal opened={leaveOpened} onClose={leave.close} member={m} onDone={() => setNotice(t('leave.done', { name: m.fullName }))} />
        </>
      )}
    </Stack>
  );
}

function TransferModal({ opened, onClose, member, onDone }: { opened: boolean; onClose: () => void; member: MemberDetail; onDone: (orgName: string) => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const [target, setTarget] = useState<PickedOrg | null>(null);
  const [date, setDate] = useState(todayInVietnam());
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: () => api.post(`/api/members/${member.id}/transfer`, { toOrgId: target!.id, effectiveOn: date, note: note.trim() || null }),
    onSuccess: async () => {
      const name = target!.name;
      await client.invalidateQueries();
      setTarget(null);
      setNote('');
      onClose();
      onDone(name);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (target) mutation.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('transfer.title', { name: member.fullName })} fullScreen={isPhone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('transfer.from', { org: member.orgName })}</Text>
          <ErrorAlert error={mutation.error} />
          <OrgPicker label={t('transfer.to')} value={target} onChange={setTarget} excludeIds={[member.orgId]} required />
          <TextInput label={t('transfer.date')} type="date" max={todayInVietnam()} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
          <Textarea label={t('transfer.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!target || !date} loading={mutation.isPending}>
              {t('transfer.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function LeaveModal({ opened, onClose, member, onDone }: { opened: boolean; onClose: () => void; member: MemberDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const [reason, setReason] = useState<string | null>(null);
  const [date, setDate] = useState(todayInVietnam());
  const [note, setNote] = useState('');
  const mutation = useMutation({
    mutationFn: () => api.post(`/api/members/${member.id}/leave`, { reason, effectiveOn: date, note: note.trim() || null }),
    onSuccess: async () => {
      await client.invalidateQueries();
      onClose();
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason) mutation.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('leave.title', { name: member.fullName })} fullScreen={isPhone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('leave.intro')}</Text>
          <ErrorAlert error={mutation.error} />
          <Select
            label={t('leave.reason')}
            data={LEAVE_REASONS.map((r) => ({ value: r, label: t(`leaveReason.${r}`) }))}
            value={reason}
            onChange={setReason}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label={t('leave.date')} type="date" max={todayInVietnam()} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
          <Textarea label={t('leave.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!reason || !date} loading={mutation.isPending}>
              {t('leave.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** a member's study card lost or in the wrong hands: a new one is issued (the old stops scanning) and downloaded */
function ReissueCardModal({ member, onClose, onDone }: { member: MemberDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const mutation = useMutation({
    mutationFn: () => downloadPost(`/api/members/${member.id}/study-card/reissue`, {}, me?.csrfToken, 'the-diem-danh.pdf'),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('studyCard.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm">{t('studyCard.explain', { name: member.fullName })}</Text>
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => mutation.mutate()} loading={mutation.isPending}>
            {t('studyCard.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
