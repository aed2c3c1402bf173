import { ActionIcon, Alert, Anchor, Badge, Button, Checkbox, CopyButton, FileButton, Group, Loader, Menu, Modal, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, upload } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDateTime } from '../../app/format';
import { useIsPhone } from '../../app/useIsPhone';
import type { MemberPage } from '../members/types';
import { del, downloadPost } from './lib';
import { DelegateEditModal, ReplaceModal } from './DelegateDialogs';
import { DELEGATE_CLASSES, DELEGATE_ORIGINS, type Congress, type Delegate, type DelegateClass, type DelegateOrigin, type IssuedToken, type CardLinks } from './types';

/** seats in a row of the hall the seating chart offers (src/modules/congress/congress.seating.rules.ts: 2–40) */
const SEATS_PER_ROW_CHOICES = [10, 12, 16, 20, 24];

export function DelegatesTab({ congress, canManage }: { congress: Congress; canManage: boolean }) {
  const { t } = useTranslation('congress');
  const { me } = useAuth();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [addOpened, addModal] = useDisclosure(false);
  const [issued, setIssued] = useState<IssuedToken[] | null>(null);
  const [replacing, setReplacing] = useState<Delegate | null>(null);
  const [editing, setEditing] = useState<Delegate | null>(null);
  const key = ['congress', congress.id, 'delegates', debounced];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Delegate[]>(`/api/congresses/${congress.id}/delegates`, { search: debounced || undefined }), placeholderData: keepPreviousData });
  const refresh = () => client.invalidateQueries({ queryKey: ['congress', congress.id] });

  const issue = useMutation({ mutationFn: () => api.post<IssuedToken[]>(`/api/congresses/${congress.id}/tokens`, { scope: 'missing' }), onSuccess: (r) => (setIssued(r), refresh()) });
  const reissue = useMutation({ mutationFn: (d: Delegate) => api.post<IssuedToken>(`/api/congresses/${congress.id}/delegates/${d.id}/token`), onSuccess: (r) => (setIssued([r]), refresh()) });
  const revoke = useMutation({ mutationFn: (d: Delegate) => del(`/api/congresses/${congress.id}/delegates/${d.id}/token`), onSuccess: refresh });
  const undoCheckin = useMutation({ mutationFn: (d: Delegate) => del(`/api/congresses/${congress.id}/checkins/${d.id}`), onSuccess: refresh });
  // one lost card printed again: a new card for this delegate only (the lost one stops working)
  const reprint = useMutation({
    mutationFn: (d: Delegate) => downloadPost(`/api/congresses/${congress.id}/cards.pdf`, { scope: 'selected', delegateIds: [d.id] }, me?.csrfToken, 'the-dai-bieu.pdf'),
    onSuccess: refresh,
  });
  const undoReplace = useMutation({ mutationFn: (d: Delegate) => del(`/api/congresses/${congress.id}/delegates/${d.id}/replace`), onSuccess: refresh });
  const withdraw = useMutation({ mutationFn: (v: { d: Delegate; withdrawn: boolean }) => api.patch(`/api/congresses/${congress.id}/delegates/${v.d.id}`, { withdrawn: v.withdrawn }), onSuccess: refresh });
  const cards = useMutation({
    mutationFn: (scope: 'missing' | 'all') => downloadPost(`/api/congresses/${congress.id}/cards.pdf`, { scope }, me?.csrfToken, 'the-dai-bieu.pdf'),
    onSuccess: refresh,
  });
  // where the QR codes will point: checked before printing, as a link to this machine (localhost) opens on no phone
  const links = useQuery({ queryKey: ['congress', congress.id, 'card-links'], queryFn: () => api.get<CardLinks>(`/api/congresses/${congress.id}/card-links`), enabled: canManage, staleTime: 60_000 });
  const [progress, setProgress] = useState(0);
  const importFile = useMutation({
    mutationFn: (file: File) => upload<{ added: number }>(`/api/congresses/${congress.id}/delegates/import`, file, setProgress),
    onSuccess: refresh,
  });
  const error = importFile.error ?? issue.error ?? reissue.error ?? revoke.error ?? withdraw.error ?? undoReplace.error ?? undoCheckin.error ?? reprint.error ?? cards.error;
  const list = q.data ?? [];

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput label={t('delegates.search')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 220px' }} />
        {canManage && (
          <>
            <Button onClick={addModal.open}>{t('delegates.add')}</Button>
            <FileButton onChange={(f) => f && importFile.mutate(f)} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
              {(props) => (
                <Button {...props} variant="default" loading={importFile.isPending} title={t('delegates.importHint')}>
                  {importFile.isPending ? `${progress}%` : t('delegates.import')}
                </Button>
              )}
            </FileButton>
            <Button variant="light" onClick={() => issue.mutate()} loading={issue.isPending}>
              {t('delegates.issueMissing')}
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" loading={cards.isPending}>
                  {t('delegates.printCards')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => cards.mutate('missing')}>{t('delegates.printMissing')}</Menu.Item>
                <Menu.Item onClick={() => cards.mutate('all')}>{t('delegates.printAll')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        )}
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default">{t('delegates.seating')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('delegates.seatsPerRow')}</Menu.Label>
            {SEATS_PER_ROW_CHOICES.map((n) => (
              <Menu.Item key={n} component="a" href={`/api/congresses/${congress.id}/seating.pdf?seatsPerRow=${n}`} download>
                {t('delegates.seatsPerRowItem', { count: n })}
              </Menu.Item>
            ))}
            <Menu.Divider />
            <Text size="xs" c="dimmed" px="sm" py={4} maw={240}>
              {t('delegates.seatingPresidium')}
            </Text>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {canManage && (
        <Text size="xs" c="dimmed">
          {t('delegates.printWarning')}
        </Text>
      )}
      {links.data?.problem && <CardLinkWarning links={links.data} />}
      <ErrorAlert error={error} />
      {importFile.data && (
        <Text size="sm" c="teal.9" role="status">
          {t('delegates.imported', { count: importFile.data.added })}
        </Text>
      )}
      {q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Text size="sm" role="status" data-testid="delegate-count">
            {t('delegates.count', { count: list.length })}
          </Text>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={340}>
              <Table striped highlightOnHover verticalSpacing={6} aria-label={t('tabs.delegates')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th className="num">{t('delegates.number')}</Table.Th>
                    <Table.Th>{t('delegates.name')}</Table.Th>
                    <Table.Th>{t('delegates.class')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('delegates.origin')}</Table.Th>
                    <Table.Th visibleFrom="md">{t('delegates.unit')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('delegates.card')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('delegates.checkedIn')}</Table.Th>
                    {canManage && <Table.Th><span className="sr-only">{t('common.actions')}</span></Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={8}>{t('delegates.none')}</Table.Td>
                    </Table.Tr>
                  )}
                  {list.map((d) => (
                    <Table.Tr key={d.id} style={d.status !== 'active' ? { opacity: 0.6 } : undefined}>
                      <Table.Td className="num">{d.number}</Table.Td>
                      <Table.Td>
                        <Text fw={500} size="sm">
                          {d.fullName}
                        </Text>
                        {d.status !== 'active' && (
                          <Badge size="xs" color="gray.7" variant="filled">
                            {t(`delegateStatus.${d.status}`)}
                          </Badge>
                        )}
                        {d.eligibilityNote && (
                          <Text size="xs" c="red.8">
                            {d.eligibilityNote}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {t(`class.${d.class}`)}
                        {d.rank !== null && (
                          <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {' '}
                            ({t('replace.rank', { rank: d.rank })})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{t(`origin.${d.origin}`)}</Table.Td>
                      <Table.Td visibleFrom="md">{d.unitOrgName ?? '—'}</Table.Td>
                      <Table.Td visibleFrom="sm">{d.hasToken ? t('delegates.hasCard') : '—'}</Table.Td>
                      <Table.Td visibleFrom="sm">{d.checkedInAt ? formatDateTime(d.checkedInAt).slice(11) : '—'}</Table.Td>
                      {canManage && (
                        <Table.Td>
                          <Menu position="bottom-end">
                            <Menu.Target>
                              <ActionIcon variant="subtle" aria-label={t('delegates.actionsFor', { name: d.fullName })}>
                                ⋯
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => setEditing(d)}>{t('editDelegate.action')}</Menu.Item>
                              {d.status === 'active' && <Menu.Item onClick={() => reprint.mutate(d)}>{t('delegates.reprintCard')}</Menu.Item>}
                              {d.status === 'active' && <Menu.Item onClick={() => reissue.mutate(d)}>{d.hasToken ? t('delegates.reissue') : t('delegates.issue')}</Menu.Item>}
                              {d.hasToken && (
                                <Menu.Item color="red" onClick={() => revoke.mutate(d)}>
                                  {t('delegates.revoke')}
                                </Menu.Item>
                              )}
                              {d.class === 'official' && d.status === 'active' && !d.checkedInAt && d.origin === 'elected' && congress.kind === 'delegates' && (
                                <Menu.Item onClick={() => setReplacing(d)}>{t('replace.action')}</Menu.Item>
                              )}
                              {d.checkedInAt && <Menu.Item onClick={() => undoCheckin.mutate(d)}>{t('delegates.undoCheckin')}</Menu.Item>}
                              {d.status === 'replaced' && <Menu.Item onClick={() => undoReplace.mutate(d)}>{t('replace.undo')}</Menu.Item>}
                              {d.status !== 'replaced' && !d.replacesDelegateId && (
                                <Menu.Item onClick={() => withdraw.mutate({ d, withdrawn: d.status === 'active' })}>{d.status === 'active' ? t('delegates.withdraw') : t('delegates.reinstate')}</Menu.Item>
                              )}
                            </Menu.Dropdown>
                          </Menu>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}
      <AddDelegatesModal opened={addOpened} onClose={addModal.close} congress={congress} />
      <TokensModal issued={issued} onClose={() => setIssued(null)} />
      <ReplaceModal congressId={congress.id} official={replacing} delegates={list} onClose={() => setReplacing(null)} />
      <DelegateEditModal congressId={congress.id} delegate={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

/** the cards' links would name this machine: say so, and offer the server's addresses on the hall's network */
function CardLinkWarning({ links }: { links: CardLinks }) {
  const { t } = useTranslation('congress');
  const here = `${window.location.pathname}${window.location.search}`;
  return (
    <Alert color="orange" variant="light" title={t('cardLinks.title')} data-testid="card-link-warning">
      <Stack gap={4}>
        <Text size="sm">{t('cardLinks.loopback', { base: links.base })}</Text>
        {links.lanAddresses.length > 0 && (
          <Text size="sm">
            {t('cardLinks.openAt')}{' '}
            {links.lanAddresses.map((a, i) => (
              <span key={a}>
                {i > 0 && ', '}
                <Anchor href={`${a}${here}`} style={{ overflowWrap: 'anywhere' }}>
                  {a}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
        <Text size="sm">{links.lanAddresses.length > 0 ? t('cardLinks.config') : t('cardLinks.configOnly')}</Text>
      </Stack>
    </Alert>
  );
}

function TokensModal({ issued, onClose }: { issued: IssuedToken[] | null; onClose: () => void }) {
  const { t } = useTranslation('congress');
  const isPhone = useIsPhone();
  return (
    <Modal opened={issued !== null} onClose={onClose} title={t('tokens.title')} size="xl" fullScreen={isPhone}>
      <Stack gap="sm">
        <Text size="sm">{issued?.length ? t('tokens.hint', { count: issued.length }) : t('tokens.none')}</Text>
        {!!issued?.length && (
          <Table.ScrollContainer minWidth={320}>
            <Table striped aria-label={t('tokens.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th className="num">{t('delegates.number')}</Table.Th>
                  <Table.Th>{t('delegates.name')}</Table.Th>
                  <Table.Th>{t('tokens.link')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {issued.map((x) => (
                  <Table.Tr key={x.delegateId}>
                    <Table.Td className="num">{x.number}</Table.Td>
                    <Table.Td>{x.fullName}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Anchor href={x.url} target="_blank" rel="noopener" size="sm" data-testid="token-link" style={{ overflowWrap: 'anywhere' }}>
                          {x.url}
                        </Anchor>
                        <CopyButton value={x.url}>
                          {({ copied, copy }) => (
                            <Button size="compact-xs" variant="subtle" onClick={copy}>
                              {copied ? t('tokens.copied') : t('tokens.copy')}
                            </Button>
                          )}
                        </CopyButton>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function AddDelegatesModal({ opened, onClose, congress }: { opened: boolean; onClose: () => void; congress: Congress }) {
  const { t } = useTranslation('congress');
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [picked, setPicked] = useState<Map<number, string>>(new Map());
  const [cls, setCls] = useState<DelegateClass>('official');
  const [origin, setOrigin] = useState<DelegateOrigin>('elected');
  const q = useQuery({
    queryKey: ['members', congress.orgId, { search: debounced, page: 1, pick: true }],
    queryFn: () => api.get<MemberPage>(`/api/orgs/${congress.orgId}/members`, { search: debounced || undefined, page: 1, pageSize: 30, sort: 'name', scope: 'subtree' }),
    enabled: opened,
    placeholderData: keepPreviousData,
  });
  const close = () => {
    setPicked(new Map());
    setSearch('');
    add.reset();
    onClose();
  };
  const add = useMutation({
    mutationFn: (all: boolean) =>
      api.post<{ added: number }>(`/api/congresses/${congress.id}/delegates`, all ? { allActiveMembers: true } : { delegates: [...picked.keys()].map((memberId) => ({ memberId, class: cls, origin })) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['congress', congress.id] });
      close();
    },
  });
  const toggle = (id: number, name: string) =>
    setPicked((m) => {
      const n = new Map(m);
      if (n.has(id)) n.delete(id);
      else n.set(id, name);
      return n;
    });

  return (
    <Modal opened={opened} onClose={close} title={t('delegates.addTitle')} size="lg" fullScreen={isPhone}>
      <Stack gap="sm">
        <Group grow wrap="wrap">
          <Select label={t('delegates.class')} data={DELEGATE_CLASSES.map((c) => ({ value: c, label: t(`class.${c}`) }))} value={cls} onChange={(v) => v && setCls(v as DelegateClass)} allowDeselect={false} />
          <Select label={t('delegates.origin')} data={DELEGATE_ORIGINS.map((o) => ({ value: o, label: t(`origin.${o}`) }))} value={origin} onChange={(v) => v && setOrigin(v as DelegateOrigin)} allowDeselect={false} />
        </Group>
        <TextInput label={t('delegates.searchMembers')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-autofocus />
        <Paper withBorder mah={320} style={{ overflowY: 'auto' }}>
          {q.isPending ? (
            <Loader m="sm" aria-label={t('common.loading')} />
          ) : (
            <Stack gap={0}>
              {(q.data?.items ?? []).map((m) => (
                <Checkbox
                  key={m.id}
                  p="xs"
                  checked={picked.has(m.id)}
                  onChange={() => toggle(m.id, m.fullName)}
                  label={
                    <span>
                      {m.fullName}{' '}
                      <Text span size="xs" c="dimmed">
                        {m.orgName}
                        {m.probationary ? ` · ${t('delegates.probationary')}` : ''}
                      </Text>
                    </span>
                  }
                />
              ))}
              {q.data?.items.length === 0 && <Text p="sm">{t('delegates.noMembers')}</Text>}
            </Stack>
          )}
        </Paper>
        <Text size="sm" role="status">
          {t('delegates.picked', { count: picked.size })}
        </Text>
        <ErrorAlert error={add.error} />
        <Group justify="space-between" wrap="wrap">
          {congress.kind === 'members' ? (
            <Button variant="subtle" onClick={() => add.mutate(true)} loading={add.isPending}>
              {t('delegates.addAllMembers')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => add.mutate(false)} disabled={!picked.size} loading={add.isPending}>
              {t('delegates.addPicked', { count: picked.size })}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
