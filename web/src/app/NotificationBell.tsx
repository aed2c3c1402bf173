// The bell in the header: the logged-in user's notifications (reminders of their tasks) with the unread count.
import { ActionIcon, Box, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from './api';
import { formatDateTime } from './format';

interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  // a reminder sent by the office shows up within a minute
  const q = useQuery({ queryKey: ['notifications'], queryFn: () => api.get<{ unread: number; items: NotificationItem[] }>('/api/notifications'), refetchInterval: 60_000 });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({ mutationFn: (id: number) => api.post(`/api/notifications/${id}/read`), onSuccess: refresh });
  const readAll = useMutation({ mutationFn: () => api.post('/api/notifications/read-all'), onSuccess: refresh });
  const unread = q.data?.unread ?? 0;
  const items = q.data?.items ?? [];
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} withinPortal shadow="md">
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} color="partyRed" disabled={unread === 0} offset={4}>
          <ActionIcon variant="subtle" size="lg" onClick={() => setOpened((o) => !o)} aria-label={t('notifications.bell', { count: unread })}>
            <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.73 21a2 2 0 0 1-3.46 0" />
            </svg>
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" aria-label={t('notifications.title')}>
        <Group justify="space-between" mb={4}>
          <Text fw={700} size="sm">
            {t('notifications.title')}
          </Text>
          {unread > 0 && (
            <Button variant="subtle" size="compact-xs" onClick={() => readAll.mutate()} loading={readAll.isPending}>
              {t('notifications.readAll')}
            </Button>
          )}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notifications.none')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={380}>
            <Stack gap={2}>
              {items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  p={6}
                  style={{ borderRadius: 4, background: n.readAt ? undefined : 'var(--mantine-color-partyRed-0)' }}
                  onClick={() => {
                    if (!n.readAt) read.mutate(n.id);
                    setOpened(false);
                    if (n.link) navigate(n.link);
                  }}
                >
                  <Box>
                    <Text size="sm" fw={n.readAt ? 400 : 700}>
                      {!n.readAt && <VisuallyHidden>{t('notifications.unread')}: </VisuallyHidden>}
                      {n.title}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={3}>
                      {n.body}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt)}
                    </Text>
                  </Box>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
