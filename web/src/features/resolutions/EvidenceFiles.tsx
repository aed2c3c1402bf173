import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, FileButton, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, request, upload } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDateTime } from '../../app/format';
import { RES_NS } from './i18n';
import type { EvidenceFile } from './types';

/** the server refuses larger files too (EVIDENCE_TOO_LARGE); checked here so a phone does not send 50 MB to hear it */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const size = (n: number, lng: string) => `${new Intl.NumberFormat(lng === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 }).format(n < 1024 * 1024 ? n / 1024 : n / 1024 / 1024)} ${n < 1024 * 1024 ? 'KB' : 'MB'}`;

/**
 * A task's evidence documents (minh chứng): each a download link under its own name; who may update the task uploads
 * more (several at once, one after another) and removes one. `invalidate`: the task lists whose counts change.
 */
export function EvidenceFiles({ taskId, canEdit, invalidate }: { taskId: number; canEdit: boolean; invalidate: unknown[][] }) {
  const { t: tr, i18n } = useTranslation(RES_NS);
  const client = useQueryClient();
  const key = ['task-evidence', taskId];
  const files = useQuery({ queryKey: key, queryFn: () => api.get<EvidenceFile[]>(`/api/tasks/${taskId}/evidence-files`) });
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const refresh = async () => {
    await Promise.all([key, ...invalidate].map((queryKey) => client.invalidateQueries({ queryKey })));
  };
  const add = useMutation({
    mutationFn: async (picked: File[]) => {
      const big = picked.filter((f) => f.size > MAX_BYTES);
      setTooLarge(big.length ? big.map((f) => tr('evidence.tooLarge', { name: f.name, size: size(f.size, i18n.language) })).join(' ') : null);
      try {
        for (const f of picked.filter((x) => x.size <= MAX_BYTES)) {
          setProgress({ name: f.name, percent: 0 });
          await upload(`/api/tasks/${taskId}/evidence-files`, f, (percent) => setProgress({ name: f.name, percent }));
          await client.invalidateQueries({ queryKey: key });
        }
      } finally {
        setProgress(null);
        await refresh();
      }
    },
  });
  const remove = useMutation({
    mutationFn: (f: EvidenceFile) => request('DELETE', `/api/tasks/${taskId}/evidence-files/${f.id}`),
    onSuccess: refresh,
  });

  return (
    <Stack gap={6} data-testid="evidence-files">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {tr('evidence.title')}
        </Text>
        {canEdit && (
          <FileButton multiple accept={ACCEPT} onChange={(picked) => picked.length && add.mutate(picked)}>
            {(props) => (
              <Button {...props} size="compact-sm" variant="light" loading={add.isPending}>
                {tr('evidence.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {canEdit && (
        <Text size="xs" c="dimmed">
          {tr('evidence.hint')}
        </Text>
      )}
      {progress && (
        <div>
          <Text size="xs">{tr('evidence.uploading', progress)}</Text>
          <Progress value={progress.percent} size="sm" />
        </div>
      )}
      {files.isPending ? (
        <Loader size="sm" />
      ) : files.error ? (
        <ErrorAlert error={files.error} />
      ) : files.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {tr('evidence.none')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {files.data.map((f) => (
            <Group component="li" key={f.id} gap="xs" wrap="nowrap" justify="space-between">
              <div style={{ minWidth: 0 }}>
                <Anchor href={`/api/tasks/${taskId}/evidence-files/${f.id}`} download={f.fileName} size="sm" aria-label={tr('evidence.download', { name: f.fileName })} style={{ overflowWrap: 'anywhere' }}>
                  {f.fileName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {size(f.byteSize, i18n.language)} · {tr('evidence.by', { by: f.uploadedBy, at: formatDateTime(f.uploadedAt) })}
                </Text>
              </div>
              {canEdit && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={tr('evidence.remove', { name: f.fileName })}
                  loading={remove.isPending && remove.variables?.id === f.id}
                  onClick={() => window.confirm(tr('evidence.removeConfirm', { name: f.fileName })) && remove.mutate(f)}
                >
                  ✕
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {tooLarge && (
        <Alert color="red" variant="light" p="xs">
          {tooLarge}
        </Alert>
      )}
      <ErrorAlert error={add.error ?? remove.error} />
    </Stack>
  );
}
