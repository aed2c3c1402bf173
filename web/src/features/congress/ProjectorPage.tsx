import { Box, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/ErrorAlert';
import { RoomEvents, formatClock, speakerElapsedMs, useLiveRoom, useTick } from './lib';
import { VOTING_EVENTS } from '../voting/lib';
import type { Room } from './types';
import { htmlToParagraphs, paginate, projectorPage, useDocument } from './documents';
import { ProjectorPoll } from '../voting/ProjectorPoll';

// white on near-black and yellow accents: readable from the back of a hall (contrast well above 7:1)
const BG = '#0d0d0d';
const FG = '#ffffff';
const ACCENT = '#ffd400';
const GOOD = '#3ddc84';
const BAD = '#ff6b6b';

export function ProjectorPage() {
  const { t } = useTranslation('congress');
  const congressId = Number(useParams().id);
  const room = useLiveRoom(`/api/congresses/${congressId}/room`, `/api/congresses/${congressId}/events`, ['room', congressId], true, VOTING_EVENTS);
  const [full, setFull] = useState(false);
  useEffect(() => {
    const on = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  useEffect(() => {
    if (room.data) document.title = room.data.congress.title;
  }, [room.data]);

  return (
    <RoomEvents.Provider value={room.bus}>
    <Box component="main" style={{ background: BG, color: FG, minHeight: '100vh', display: 'flex', flexDirection: 'column', fontSize: 'clamp(16px, 2.2vw, 48px)' }}>
      {room.isPending ? (
        <Center flex={1}>
          <Loader color="yellow" aria-label={t('common.loading')} />
        </Center>
      ) : room.isError ? (
        <Box p="xl">
          <ErrorAlert error={room.error} />
        </Box>
      ) : (
        <Screen room={room.data} serverNow={room.serverNow} />
      )}
      {!full && (
        <Group pos="fixed" top={6} right={8} gap="xs" bg={BG} px={4}>
          <Text size="xs" c={room.status === 'live' ? GOOD : BAD} aria-live="polite">
            ● {t(`live.${room.status}`)}
          </Text>
          <Button size="compact-xs" variant="outline" color="gray.4" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
            {t('projector.fullscreen')}
          </Button>
        </Group>
      )}
    </Box>
    </RoomEvents.Provider>
  );
}

function Screen({ room, serverNow }: { room: Room; serverNow: () => number }) {
  const { t } = useTranslation('congress');
  useTick(500);
  const mode = room.projector.mode;
  const c = room.congress;
  const a = room.attendance;
  if (mode === 'blank') return <Box flex={1} aria-label={t('projectorMode.blank')} />;
  const s = room.speaking;
  const elapsed = s ? speakerElapsedMs(s, serverNow()) : 0;
  const over = s?.limitSeconds ? elapsed > s.limitSeconds * 1000 : false;
  const current = room.currentAgendaItem;
  const currentIndex = current ? room.agenda.findIndex((x) => x.id === current.id) + 1 : 0;

  const titleScreen = (
    <Stack align="center" gap="0.5em" ta="center" maw="90%">
      <Text inherit fz="1em" tt="uppercase" c={ACCENT} fw={700}>
        {c.orgName}
      </Text>
      <Text inherit fz="2.3em" fw={800} lh={1.2} c="#ff4d4d" style={{ textShadow: '0 0 1px #fff' }}>
        {c.title}
      </Text>
      {c.motto && (
        <Text inherit fz="1.1em" fs="italic">
          {c.motto}
        </Text>
      )}
    </Stack>
  );
  let body;
  if (mode === 'vote' || mode === 'election' || mode === 'appointment') {
    body = <ProjectorPoll congressId={c.id} mode={mode} pollId={room.projector.pollId} />;
  } else if (mode === 'speaker' && s) {
    body = (
      <Stack align="center" gap="0.4em" ta="center">
        <Text inherit c={ACCENT} fz="0.9em" tt="uppercase" fw={700}>
          {t('projector.speaking')}
        </Text>
        <Text inherit fz="2.2em" fw={800} lh={1.15} data-testid="projector-speaker">
          {s.name}
        </Text>
        {s.topic && (
          <Text inherit fz="1.1em">
            {s.topic}
          </Text>
        )}
        <Text inherit fz="3.2em" fw={800} ff="monospace" c={over ? BAD : FG} aria-label={t('console.timer')}>
          {formatClock(elapsed)}
          {s.limitSeconds ? <span style={{ fontSize: '0.4em', color: '#cfcfcf' }}> / {formatClock(s.limitSeconds * 1000)}</span> : null}
        </Text>
      </Stack>
    );
  } else if (mode === 'attendance') {
    body = (
      <Stack align="center" gap="0.3em" ta="center">
        <Text inherit fz="1.2em">
          {t('projector.attendanceTitle')}
        </Text>
        <Text inherit fz="4.5em" fw={800} lh={1}>
          {a.present}/{a.convened}
        </Text>
        <Text inherit fz="1.6em" fw={800} c={a.met ? GOOD : BAD}>
          {a.met ? t('room.quorumMet') : t('room.quorumNotMet')}
        </Text>
        <Text inherit fz="0.8em" c="#cfcfcf">
          {t('room.quorumRule', { rule: a.rule, required: a.required })}
        </Text>
      </Stack>
    );
  } else if (mode === 'document' && room.projector.documentId) {
    body = <ProjectorDocument congressId={c.id} documentId={room.projector.documentId} page={room.projector.page} fallback={titleScreen} />;
  } else if (mode === 'notice' && room.projector.text) {
    body = (
      <Text inherit fz="2em" fw={700} ta="center" style={{ whiteSpace: 'pre-wrap' }}>
        {room.projector.text}
      </Text>
    );
  } else if (mode === 'agenda' && current) {
    body = (
      <Stack align="center" gap="0.4em" ta="center">
        <Text inherit c={ACCENT} fz="0.9em" tt="uppercase" fw={700}>
          {t('projector.agendaItem', { n: currentIndex, total: room.agenda.length })}
        </Text>
        <Text inherit fz="2.4em" fw={800} lh={1.15}>
          {current.title}
        </Text>
        {current.description && <Text inherit fz="1em">{current.description}</Text>}
      </Stack>
    );
  } else {
    body = titleScreen;
  }

  return (
    <>
      <Box pl="2vw" pr={200} py="1.2vh" style={{ borderBottom: `0.15em solid ${ACCENT}` }}>
        <Text inherit fz="0.75em" fw={700} truncate data-testid="projector-title">
          {c.title}
        </Text>
      </Box>
      <Center flex={1} px="3vw" py="2vh" aria-live="polite">
        {body}
      </Center>
      <Group px="2vw" py="1.2vh" justify="space-between" wrap="nowrap" gap="2vw" style={{ borderTop: '1px solid #444', fontSize: '0.8em' }}>
        <Text inherit truncate style={{ minWidth: 0 }} data-testid="projector-agenda">
          {current ? `${currentIndex}. ${current.title}` : t('projector.noCurrentItem')}
        </Text>
        <Group gap="1vw" wrap="nowrap" data-testid="projector-attendance" role="status" aria-live="polite">
          {mode !== 'speaker' && s && (
            <Text inherit ff="monospace" c={over ? BAD : ACCENT}>
              {s.name} {formatClock(elapsed)}
            </Text>
          )}
          <Text inherit fw={700} style={{ whiteSpace: 'nowrap' }}>
            {t('room.presentOf', { present: a.present, convened: a.convened })}
          </Text>
          <Text inherit fw={800} c={a.met ? GOOD : BAD} data-quorum={a.met ? 'met' : 'not-met'} style={{ whiteSpace: 'nowrap' }}>
            {a.met ? t('room.quorumMet') : t('room.quorumNotMet')}
          </Text>
        </Group>
      </Group>
    </>
  );
}

/** a text document one page at a time in large type (the console turns the pages); a PDF by its title, to be read on the phones */
function ProjectorDocument({ congressId, documentId, page: pageAsked, fallback }: { congressId: number; documentId: number; page: number | null | undefined; fallback: ReactNode }) {
  const { t } = useTranslation('congress');
  const q = useDocument(`/api/congresses/${congressId}`, documentId);
  if (q.isPending) return <Loader color="yellow" aria-label={t('common.loading')} />;
  // removed since it was put on screen: the title screen rather than an error in the hall
  if (q.isError) return <>{fallback}</>;
  const doc = q.data;
  const heading = (
    <Text inherit c={ACCENT} fz="0.9em" fw={700} ta="center" data-testid="projector-document-title">
      {doc.title}
    </Text>
  );
  if (doc.kind === 'file' || !doc.bodyHtml) {
    return (
      <Stack align="center" gap="0.6em" ta="center" maw="90%">
        <Text inherit fz="2.2em" fw={800} lh={1.2} c={ACCENT} data-testid="projector-document-title">
          {doc.title}
        </Text>
        <Text inherit fz="1.2em">
          {t('projector.pdfOnPhones')}
        </Text>
      </Stack>
    );
  }
  const pages = paginate(htmlToParagraphs(doc.bodyHtml));
  const page = projectorPage(pageAsked, pages.length);
  return (
    <Stack gap="0.5em" w="100%" maw="92vw">
      {heading}
      <Stack gap="0.5em" data-testid="projector-document">
        {(pages[page - 1] ?? []).map((p, i) => (
          <Text key={i} inherit fz="1.15em" lh={1.4} style={{ whiteSpace: 'pre-wrap' }}>
            {p}
          </Text>
        ))}
      </Stack>
      {pages.length > 1 && (
        <Text inherit fz="0.7em" c="#cfcfcf" ta="right" data-testid="projector-document-page">
          {t('console.page', { page, pages: pages.length })}
        </Text>
      )}
    </Stack>
  );
}
