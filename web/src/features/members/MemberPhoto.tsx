// The member's photo (ảnh 3×4) on the member page: shown in a 3:4 frame; managers upload, change or remove it.
import { useState } from 'react';
import { Box, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { request, upload } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PHOTO_NS } from './photo-i18n';

/** the server's limit (src/modules/members/members.photo.ts) */
const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png'];
const FRAME = { width: 120, height: 160 };

export interface PhotoInfo {
  width: number;
  height: number;
  byteSize: number;
  updatedAt: string;
}

export function MemberPhoto({ memberId, name, photo, canManage }: { memberId: number; name: string; photo: PhotoInfo | null; canManage: boolean }) {
  const { t } = useTranslation(PHOTO_NS);
  const client = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['member', memberId] });

  const save = useMutation({
    mutationFn: (file: File) => upload<PhotoInfo>(`/api/members/${memberId}/photo`, file, setProgress, 'PUT'),
    onSuccess: async () => {
      await refresh();
      setNotice(t('saved'));
    },
    onSettled: () => setProgress(null),
  });
  const remove = useMutation({
    mutationFn: () => request<{ deleted: boolean }>('DELETE', `/api/members/${memberId}/photo`),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
      setNotice(t('removed'));
    },
  });

  const pick = (file: File | null) => {
    setNotice(null);
    setLocalError(null);
    save.reset();
    if (!file) return;
    // the server checks the bytes again; this spares sending a file it will refuse
    if (file.type && !TYPES.includes(file.type)) return setLocalError(t('wrongType'));
    if (file.size > MAX_BYTES) return setLocalError(t('tooLarge'));
    save.mutate(file);
  };

  return (
    <Stack gap={6} w={FRAME.width + 40} align="flex-start" aria-label={t('title')} role="group">
      <Box
        w={FRAME.width}
        h={FRAME.height}
        style={{
          border: photo ? '1px solid var(--mantine-color-gray-5)' : '1px dashed var(--mantine-color-gray-5)',
          background: 'var(--mantine-color-gray-0)',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          overflow: 'hidden',
          flexShrink: 0,
        }}
      >
        {photo ? (
          <img
            src={`/api/members/${memberId}/photo?v=${encodeURIComponent(photo.updatedAt)}`}
            alt={t('alt', { name })}
            width={FRAME.width}
            height={FRAME.height}
            style={{ objectFit: 'cover', display: 'block' }}
          />
        ) : (
          <Text size="sm" c="dimmed" ta="center" px={4}>
            {t('none')}
          </Text>
        )}
      </Box>
      {progress !== null && <Progress value={progress} w={FRAME.width} size="sm" aria-label={t('uploading')} />}
      {canManage && !confirming && (
        <Group gap={4}>
          <FileButton onChange={pick} accept={TYPES.join(',')}>
            {(props) => (
              <Button {...props} size="compact-sm" variant="light" loading={save.isPending}>
                {photo ? t('change') : t('upload')}
              </Button>
            )}
          </FileButton>
          {photo && (
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirming(true)}>
              {t('remove')}
            </Button>
          )}
        </Group>
      )}
      {canManage && confirming && (
        <Stack gap={4}>
          <Text size="sm">{t('removeConfirm')}</Text>
          <Group gap={4}>
            <Button size="compact-sm" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('remove')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      {canManage && (
        <Text size="xs" c="dimmed" maw={FRAME.width + 40}>
          {t('hint')}
        </Text>
      )}
      {notice && (
        <Text size="sm" c="teal.8" role="status">
          {notice}
        </Text>
      )}
      {localError && (
        <Text size="sm" c="red.8" role="alert">
          {localError}
        </Text>
      )}
      <Box maw={260}>
        <ErrorAlert error={save.error ?? remove.error} />
      </Box>
    </Stack>
  );
}
