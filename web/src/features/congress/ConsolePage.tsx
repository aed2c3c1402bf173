import { ActionIcon, Anchor, Badge, Button, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDateTime } from '../../app/format';
import { del, formatClock, type RoomEventBus, put, speakerElapsedMs, useLiveRoom, useTick } from './lib';
import { htmlToParagraphs, paginate, projectorPage, useDocument } from './documents';
import { documentsKey, useDocuments } from './DocumentsTab';
import { AttendanceCard, LiveBadge } from './parts';
import '../voting/i18n';
import { PROJECTOR_MODES, type Delegate, type ProjectorMode, type Room, type Speaker } from './types';

export function ConsolePage() {
  const { t } = useTranslation('congress');
  const congressId = Number(useParams().id);
  const room = useLiveRoom(`/api/congresses/${congressId}/room`, `/api/congresses/${congressId}/events`, ['room', congressId]);
  const base = `/api/congresses/${congressId}`;
  // every write answers after commit; the event brings the new state to this console as to every screen
  const write = useMutation({ mutationFn: (f: () => Promise<unknown>) => f() });
  if (room.isPending) return <Loader aria-label={t('common.loading')} />;
  if (room.isError) return <ErrorAlert error={room.error} />;
  const r = room.data;
  const agenda = r.agenda;
  const idx = agenda.findIndex((a) => a.id === r.congress.currentAgendaItemId);
  const go = (itemId: number | null) => write.mutate(() => api.post(`${base}/agenda/current`, { itemId }));

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Anchor component={Link} to={`/congress/${congressId}`} size="sm">
            ‹ {r.congress.title}
          </Anchor>
          <Title order={1} size="h2">
            {t('console.title')}
          </Title>
        </div>
        <Group gap="xs">
          <LiveBadge status={room.status} />
          <Button component={Link} to={`/congress/${congressId}/voting`} variant="light" size="xs">
            {t('page.link', { ns: 'voting' })}
          </Button>
          <Button component="a" href={`/congress/${congressId}/projector`} target="_blank" rel="noopener" variant="light" size="xs">
            {t('nav.projector')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={write.error} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <Paper withBorder p="md" component="section" aria-labelledby="agenda-title">
            <Group justify="space-between" mb="xs" wrap="wrap">
              <Title order={2} size="h4" id="agenda-title">
                {t('console.agenda')}
              </Title>
              <Group gap="xs">
                <Button size="xs" variant="default" disabled={idx <= 0} onClick={() => go(agenda[idx - 1].id)}>
                  {t('console.previous')}
                </Button>
                <Button size="xs" disabled={idx >= agenda.length - 1} onClick={() => go(agenda[idx + 1].id)}>
                  {idx < 0 ? t('console.start') : t('console.next')}
                </Button>
              </Group>
            </Group>
            <Stack gap={4} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
              {agenda.map((a, i) => (
                <Group
                  component="li"
                  key={a.id}
                  justify="space-between"
                  wrap="nowrap"
                  p={6}
                  aria-current={a.status === 'current' ? 'step' : undefined}
                  style={{ borderRadius: 4, background: a.status === 'current' ? 'var(--mantine-color-partyRed-0)' : undefined, borderLeft: a.status === 'current' ? '4px solid var(--mantine-color-partyRed-7)' : '4px solid transparent' }}
                >
                  <Text size="sm" fw={a.status === 'current' ? 700 : 400} td={a.status === 'done' ? 'line-through' : undefined} c={a.status === 'done' ? 'dimmed' : undefined}>
                    {i + 1}. {a.title}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    {a.status !== 'current' && (
                      <Button size="compact-xs" variant="subtle" onClick={() => go(a.id)} aria-label={t('console.goTo', { title: a.title })}>
                        {t('console.makeCurrent')}
                      </Button>
                    )}
                    <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('console.removeItem', { title: a.title })} onClick={() => write.mutate(() => del(`${base}/agenda/${a.id}`))}>
                      ✕
                    </ActionIcon>
                  </Group>
                </Group>
              ))}
              {agenda.length === 0 && <Text size="sm">{t('console.noAgenda')}</Text>}
            </Stack>
            <AddAgendaItem onAdd={(title) => write.mutate(() => api.post(`${base}/agenda`, { title }))} />
          </Paper>
          <ProjectorControl room={r} bus={room.bus} onSet={(body) => write.mutate(() => put(`${base}/projector`, body))} />
        </Stack>
        <Stack gap="md">
          <AttendanceCard attendance={r.attendance} />
          <SpeakerPanel room={r} serverNow={room.serverNow} act={(s, action, extra) => write.mutate(() => api.post(`${base}/speakers/${s.id}/action`, { ...(action ? { action } : {}), ...extra }))} />
          <AddSpeaker congressId={congressId} onAdd={(body) => write.mutate(() => api.post(`${base}/speakers`, body))} />
          <Notices room={r} onSend={(text) => write.mutate(() => api.post(`${base}/notices`, { text }))} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function AddAgendaItem({ onAdd }: { onAdd: (title: string) => void }) {
  const { t } = useTranslation('congress');
  const [title, setTitle] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) onAdd(title.trim());
        setTitle('');
      }}
    >
      <Group mt="sm" gap="xs" align="flex-end" wrap="nowrap">
        <TextInput label={t('console.newItem')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: 1 }} />
        <Button type="submit" variant="light">
          {t('console.add')}
        </Button>
      </Group>
    </form>
  );
}

function SpeakerPanel({ room, serverNow, act }: { room: Room; serverNow: () => number; act: (s: Speaker, action: string | null, extra?: object) => void }) {
  const { t } = useTranslation('congress');
  useTick(500);
  const s = room.speaking;
  const waiting = room.speakers.filter((x) => x.status === 'queued' || x.status === 'requested');
  const elapsed = s ? speakerElapsedMs(s, serverNow()) : 0;
  const over = s?.limitSeconds ? elapsed > s.limitSeconds * 1000 : false;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="speakers-title">
      <Title order={2} size="h4" id="speakers-title" mb="xs">
        {t('console.speakers')}
      </Title>
      {s ? (
        <Paper bg="gray.0" p="sm" mb="sm">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={700}>{s.name}</Text>
              {s.topic && <Text size="sm">{s.topic}</Text>}
            </div>
            <Text fw={700} fz={{ base: 'md', sm: 'xl' }} ff="monospace" c={over ? 'red.8' : undefined} aria-label={t('console.timer')} style={{ whiteSpace: 'nowrap' }}>
              {formatClock(elapsed)}
              {s.limitSeconds ? ` / ${formatClock(s.limitSeconds * 1000)}` : ''}
            </Text>
          </Group>
          <Group gap="xs" mt="xs">
            {s.status === 'speaking' ? (
              <Button size="xs" variant="default" onClick={() => act(s, 'pause')}>
                {t('speaker.pause')}
              </Button>
            ) : (
              <Button size="xs" variant="default" onClick={() => act(s, 'resume')}>
                {t('speaker.resume')}
              </Button>
            )}
            <Button size="xs" onClick={() => act(s, 'finish')}>
              {t('speaker.finish')}
            </Button>
          </Group>
        </Paper>
      ) : (
        <Text size="sm" mb="sm">
          {t('console.nobodySpeaking')}
        </Text>
      )}
      <Stack gap={6}>
        {waiting.map((x, i) => (
          <Group key={x.id} justify="space-between" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {i + 1}. {x.name}{' '}
                {x.status === 'requested' && (
                  <Badge size="xs" color="#8f3b00" variant="filled">
                    {t('speakerStatus.requested')}
                  </Badge>
                )}
              </Text>
              {x.topic && (
                <Text size="xs" c="dimmed">
                  {x.topic}
                </Text>
              )}
            </div>
            <Group gap={4} wrap="nowrap">
              {x.status === 'requested' && (
                <Button size="compact-xs" variant="light" onClick={() => act(x, 'queue')}>
                  {t('speaker.accept')}
                </Button>
              )}
              {i > 0 && (
                <ActionIcon size="sm" variant="subtle" aria-label={t('speaker.up', { name: x.name })} onClick={() => act(x, null, { position: waiting[i - 1].position })}>
                  ↑
                </ActionIcon>
              )}
              <Button size="compact-xs" onClick={() => act(x, 'start')} aria-label={t('speaker.startName', { name: x.name })}>
                {t('speaker.start')}
              </Button>
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('speaker.withdrawName', { name: x.name })} onClick={() => act(x, 'withdraw')}>
                ✕
              </ActionIcon>
            </Group>
          </Group>
        ))}
        {waiting.length === 0 && <Text size="sm">{t('console.queueEmpty')}</Text>}
      </Stack>
    </Paper>
  );
}

function AddSpeaker({ congressId, onAdd }: { congressId: number; onAdd: (b: object) => void }) {
  const { t } = useTranslation('congress');
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [limit, setLimit] = useState<number | string>(5);
  const [delegateId, setDelegateId] = useState<string | null>(null);
  const delegates = useQuery({ queryKey: ['congress', congressId, 'delegates', 'console'], queryFn: () => api.get<Delegate[]>(`/api/congresses/${congressId}/delegates`, { limit: 5000 }) });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!delegateId && name.trim().length < 2) return;
          onAdd({ ...(delegateId ? { delegateId: Number(delegateId) } : { name: name.trim() }), topic: topic.trim() || null, limitSeconds: limit === '' ? null : Math.max(10, Number(limit) * 60) });
          setName('');
          setTopic('');
          setDelegateId(null);
        }}
      >
        <Title order={3} size="h5" mb="xs">
          {t('console.addSpeaker')}
        </Title>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('console.delegate')}
            searchable
            clearable
            data={(delegates.data ?? []).filter((d) => d.status === 'active').map((d) => ({ value: String(d.id), label: `${d.number}. ${d.fullName}` }))}
            value={delegateId}
            onChange={setDelegateId}
            style={{ flex: '1 1 200px' }}
          />
          {!delegateId && <TextInput label={t('console.guestName')} value={name} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: '1 1 160px' }} />}
          <TextInput label={t('console.topic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)} style={{ flex: '1 1 160px' }} />
          <NumberInput label={t('console.minutes')} min={1} max={120} value={limit} onChange={setLimit} w={100} />
          <Button type="submit" variant="light">
            {t('console.add')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function ProjectorControl({ room, bus, onSet }: { room: Room; bus: RoomEventBus; onSet: (b: { mode: ProjectorMode; text?: string | null; documentId?: number | null; page?: number }) => void }) {
  const { t } = useTranslation('congress');
  const [text, setText] = useState(room.projector.mode === 'notice' ? (room.projector.text ?? '') : '');
  const modes = PROJECTOR_MODES.filter((m) => m !== 'document' && m !== 'vote' && m !== 'election' && m !== 'appointment');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="projector-title">
      <Title order={2} size="h4" id="projector-title" mb="xs">
        {t('console.projector')}
      </Title>
      <Group gap={6} role="group" aria-label={t('console.projectorMode')}>
        {modes.map((m) => (
          <Button
            key={m}
            size="xs"
            variant={room.projector.mode === m ? 'filled' : 'default'}
            aria-pressed={room.projector.mode === m}
            onClick={() => onSet({ mode: m, text: m === 'notice' ? text : null })}
          >
            {t(`projectorMode.${m}`)}
          </Button>
        ))}
      </Group>
      <Group mt="xs" gap="xs" align="flex-end" wrap="nowrap">
        <Textarea label={t('console.projectorText')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={1} maxRows={4} style={{ flex: 1 }} />
        <Button variant="light" onClick={() => onSet({ mode: 'notice', text })} disabled={!text.trim()}>
          {t('console.show')}
        </Button>
      </Group>
      <ProjectDocument room={room} bus={bus} onSet={onSet} />
    </Paper>
  );
}

/** a document on the hall screen: a text page by page (the projector's page), a PDF by its title */
function ProjectDocument({ room, bus, onSet }: { room: Room; bus: RoomEventBus; onSet: (b: { mode: ProjectorMode; text?: string | null; documentId?: number | null; page?: number }) => void }) {
  const { t } = useTranslation('congress');
  const congressId = room.congress.id;
  const docs = useDocuments(congressId);
  const client = useQueryClient();
  // a document added or removed elsewhere (the congress page): the list follows
  useEffect(() => bus.subscribe((e) => e.type === 'documents.changed' && void client.invalidateQueries({ queryKey: documentsKey(congressId) })), [bus, client, congressId]);
  const showing = room.projector.mode === 'document' ? room.projector.documentId : null;
  const [picked, setPicked] = useState<string | null>(showing ? String(showing) : null);
  const shown = useDocument(`/api/congresses/${congressId}`, showing);
  const pages = shown.data?.bodyHtml ? paginate(htmlToParagraphs(shown.data.bodyHtml)) : [];
  const page = projectorPage(room.projector.page, pages.length);
  const show = (documentId: number, p = 1) => onSet({ mode: 'document', documentId, page: p });
  const list = docs.data ?? [];
  return (
    <Stack gap="xs" mt="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label={t('console.projectorDocument')}
          placeholder={list.length ? undefined : t('delegate.noDocuments')}
          data={list.map((d) => ({ value: String(d.id), label: `${d.title}${d.kind === 'file' ? ' (PDF)' : ''}` }))}
          value={picked}
          onChange={setPicked}
          allowDeselect={false}
          searchable
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button variant="light" disabled={!picked} onClick={() => show(Number(picked))} aria-label={t('console.showDocument')}>
          {t('console.show')}
        </Button>
      </Group>
      {showing && (
        <Paper bg="gray.0" p="xs" data-testid="console-document">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {t('console.showingDocument', { title: shown.data?.title ?? list.find((d) => d.id === showing)?.title ?? '' })}
          </Text>
          {shown.data?.kind === 'file' ? (
            <Text size="xs" c="dimmed">
              {t('console.pdfOnProjector')}
            </Text>
          ) : (
            pages.length > 0 && (
              <Group gap="xs" mt={4} wrap="nowrap" justify="space-between">
                <Button size="compact-sm" variant="default" disabled={page <= 1} onClick={() => show(showing, page - 1)} aria-label={t('console.previousPage')}>
                  ‹ {t('console.previousShort')}
                </Button>
                <Text size="sm" role="status" style={{ whiteSpace: 'nowrap' }}>
                  {t('console.page', { page, pages: pages.length })}
                </Text>
                <Button size="compact-sm" disabled={page >= pages.length} onClick={() => show(showing, page + 1)} aria-label={t('console.nextPage')}>
                  {t('console.nextShort')} ›
                </Button>
              </Group>
            )
          )}
          {pages[page - 1] && (
            <Text size="xs" c="dimmed" mt={4} lineClamp={3}>
              {pages[page - 1].join(' ')}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}

function Notices({ room, onSend }: { room: Room; onSend: (text: string) => void }) {
  const { t } = useTranslation('congress');
  const [text, setText] = useState('');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notices-title">
      <Title order={2} size="h4" id="notices-title" mb="xs">
        {t('console.notices')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) onSend(text.trim());
          setText('');
        }}
      >
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Textarea label={t('console.noticeText')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={1} maxRows={4} style={{ flex: 1 }} />
          <Button type="submit" variant="light">
            {t('console.send')}
          </Button>
        </Group>
      </form>
      <Stack gap={4} mt="sm">
        {room.notices.slice(0, 5).map((n) => (
          <Text key={n.id} size="sm">
            <Text span c="dimmed" size="xs">
              {formatDateTime(n.createdAt).slice(11)}
            </Text>{' '}
            {n.text}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
