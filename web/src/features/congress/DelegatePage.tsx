import { Alert, Anchor, Badge, Box, Button, Container, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDateTime } from '../../app/format';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { RoomEvents, formatClock, speakerElapsedMs, useLiveRoom, useTick } from './lib';
import { VOTING_EVENTS } from '../voting/lib';
import { LiveBadge } from './parts';
import type { DocumentMeta, Room } from './types';
import { DocumentModal, fileSizeLabel } from './documents';
import { PhoneVoting } from '../voting/PhoneVoting';

/** the delegate's phone, opened by the QR on their card: no password, works on 360 px and a slow connection */
export function DelegatePage() {
  const { t } = useTranslation('congress');
  const token = useParams().token ?? '';
  const base = `/api/delegate/${encodeURIComponent(token)}`;
  const room = useLiveRoom(base, `${base}/events`, ['delegate', token], true, VOTING_EVENTS);
  return (
    <RoomEvents.Provider value={room.bus}>
    <Box bg="gray.0" mih="100vh">
      <Box bg="partyRed.8" c="white" px="sm" py={8}>
        <Container size="sm" p={0}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text fw={700} size="sm" lh={1.3} style={{ minWidth: 0 }}>
              {room.data?.congress.title ?? t('delegate.appTitle')}
            </Text>
            <Box bg="white" style={{ borderRadius: 4, flex: 'none' }}>
              <LanguageSwitch />
            </Box>
          </Group>
        </Container>
      </Box>
      <Container size="sm" px="sm" py="sm" component="main">
        {room.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : room.isError ? (
          <Alert color="red" variant="light" role="alert" title={t('delegate.invalidTitle')}>
            {t('delegate.invalid')}
          </Alert>
        ) : (
          <DelegateView room={room.data} base={base} status={room.status} serverNow={room.serverNow} />
        )}
      </Container>
    </Box>
    </RoomEvents.Provider>
  );
}

function DelegateView({ room, base, status, serverNow }: { room: Room; base: string; status: Parameters<typeof LiveBadge>[0]['status']; serverNow: () => number }) {
  const { t } = useTranslation('congress');
  useTick(1000);
  const me = room.me!;
  const current = room.currentAgendaItem;
  const s = room.speaking;
  const [doc, setDoc] = useState<DocumentMeta | null>(null);
  const waiting = room.speakers.filter((x) => x.status === 'queued' || x.status === 'requested');
  const mine = room.speakers.filter((x) => x.delegateId === me.id && (x.status === 'queued' || x.status === 'requested'));

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        {me.photoUpdatedAt && (
          <img src={`${base}/photo?v=${encodeURIComponent(me.photoUpdatedAt)}`} alt={t('delegate.photo', { name: me.fullName })} width={48} height={64} data-testid="delegate-photo" style={{ objectFit: 'cover', borderRadius: 4, flex: 'none' }} />
        )}
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text fw={700} data-testid="delegate-name">
            {me.number}. {me.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`class.${me.class}`)}
            {me.unitOrgName ? ` · ${me.unitOrgName}` : ''}
          </Text>
        </div>
        <LiveBadge status={status} />
      </Group>
      {room.notices[0] && (
        <Alert color="yellow" variant="light" title={t('delegate.latestNotice')} role="status">
          {room.notices[0].text}
        </Alert>
      )}
      <Paper withBorder p="sm" component="section" aria-labelledby="now-title">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700} id="now-title">
          {t('delegate.now')}
        </Text>
        <Text fw={700} size="lg" data-testid="delegate-current" aria-live="polite">
          {current ? current.title : t('projector.noCurrentItem')}
        </Text>
        {s && (
          <Text size="sm" mt={4}>
            {t('delegate.speaking', { name: s.name })} · <span style={{ fontFamily: 'monospace' }}>{formatClock(speakerElapsedMs(s, serverNow()))}</span>
          </Text>
        )}
        <Text size="sm" c="dimmed" mt={4}>
          {t('room.presentOf', { present: room.attendance.present, convened: room.attendance.convened })}
        </Text>
      </Paper>

      <PhoneVoting base={base} owner={`${room.congress.id}.${me.id}`} />

      <Paper withBorder p="sm" component="section" aria-labelledby="agenda-title">
        <Title order={2} size="h5" id="agenda-title" mb={4}>
          {t('console.agenda')}
        </Title>
        <Stack component="ol" gap={2} m={0} p={0} style={{ listStyle: 'none' }} data-testid="delegate-agenda">
          {room.agenda.map((a, i) => (
            <Text
              component="li"
              key={a.id}
              size="sm"
              py={4}
              px={6}
              aria-current={a.status === 'current' ? 'step' : undefined}
              fw={a.status === 'current' ? 700 : 400}
              c={a.status === 'done' ? 'dimmed' : undefined}
              style={{ borderLeft: a.status === 'current' ? '4px solid var(--mantine-color-partyRed-7)' : '4px solid transparent', background: a.status === 'current' ? 'var(--mantine-color-partyRed-0)' : undefined }}
            >
              {i + 1}. {a.title} {a.status === 'done' && <span aria-label={t('delegate.done')}>✓</span>}
            </Text>
          ))}
          {room.agenda.length === 0 && <Text size="sm">{t('console.noAgenda')}</Text>}
        </Stack>
      </Paper>

      <Paper withBorder p="sm" component="section" aria-labelledby="docs-title">
        <Title order={2} size="h5" id="docs-title" mb={4}>
          {t('delegate.documents')}
        </Title>
        <Stack gap={6}>
          {(room.documents ?? []).map((d) => (
            <Group key={d.id} justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Anchor component="button" type="button" size="sm" onClick={() => setDoc(d)} ta="left" style={{ overflowWrap: 'anywhere' }}>
                  {d.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {d.kind === 'file' ? fileSizeLabel(d) : t('delegate.text')}
                  {d.internal ? ` · ${t('delegate.internal')}` : ''}
                </Text>
              </div>
              <Button component="a" href={`${base}/documents/${d.id}?download=true`} size="compact-sm" variant="light" download aria-label={t('delegate.downloadName', { title: d.title })}>
                {t('delegate.download')}
              </Button>
            </Group>
          ))}
          {!room.documents?.length && <Text size="sm">{t('delegate.noDocuments')}</Text>}
        </Stack>
      </Paper>

      <Paper withBorder p="sm" component="section" aria-labelledby="speakers-title">
        <Title order={2} size="h5" id="speakers-title" mb={4}>
          {t('delegate.speakers')}
        </Title>
        <Stack gap={4}>
          {waiting.map((x, i) => (
            <Text key={x.id} size="sm">
              {i + 1}. {x.name}
              {x.topic ? <Text span c="dimmed" size="xs"> — {x.topic}</Text> : null}
              {x.status === 'requested' && <Badge ml={4} size="xs" variant="outline">{t('speakerStatus.requested')}</Badge>}
            </Text>
          ))}
          {waiting.length === 0 && <Text size="sm">{t('console.queueEmpty')}</Text>}
        </Stack>
        <AskToSpeak base={base} pending={mine.length} />
      </Paper>

      <Paper withBorder p="sm" component="section" aria-labelledby="notices-title">
        <Title order={2} size="h5" id="notices-title" mb={4}>
          {t('console.notices')}
        </Title>
        <Stack gap={6}>
          {room.notices.map((n) => (
            <div key={n.id}>
              <Text size="xs" c="dimmed">
                {formatDateTime(n.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {n.text}
              </Text>
            </div>
          ))}
          {room.notices.length === 0 && <Text size="sm">{t('delegate.noNotices')}</Text>}
        </Stack>
      </Paper>
      <DocumentModal base={base} doc={doc} onClose={() => setDoc(null)} />
    </Stack>
  );
}

function AskToSpeak({ base, pending }: { base: string; pending: number }) {
  const { t } = useTranslation('congress');
  const [topic, setTopic] = useState('');
  const [sent, setSent] = useState(false);
  const ask = useMutation({
    mutationFn: () => api.post(`${base}/speakers`, { topic: topic.trim() }),
    onSuccess: () => {
      setTopic('');
      setSent(true);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setSent(false);
        ask.mutate();
      }}
    >
      <Stack gap={6} mt="sm">
        <TextInput label={t('delegate.askTopic')} value={topic} onChange={(e) => setTopic(e.currentTarget.value)} minLength={2} maxLength={500} required />
        <Button type="submit" loading={ask.isPending} disabled={topic.trim().length < 2}>
          {t('delegate.ask')}
        </Button>
        {sent && (
          <Text size="sm" c="teal.9" role="status">
            {t('delegate.asked')}
          </Text>
        )}
        {pending > 0 && (
          <Text size="xs" c="dimmed">
            {t('delegate.pending', { count: pending })}
          </Text>
        )}
        <ErrorAlert error={ask.error} />
      </Stack>
    </form>
  );
}
