import { Anchor, Badge, Button, Checkbox, FileInput, Group, Loader, Modal, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDateTime } from '../../app/format';
import { useIsPhone } from '../../app/useIsPhone';
import { DocumentModal, fileSizeLabel } from './documents';
import { del } from './lib';
import { DialogButtons } from './parts';
import type { Congress, DocumentMeta } from './types';

/** the editor (tiptap, the larger part of this tab) loads when a text is added, not with the console that shares this file's hooks */
const RichTextField = lazy(() => import('./RichTextField').then((m) => ({ default: m.RichTextField })));

/** the server's limit (src/modules/congress/congress.documents.rules.ts), checked here first so a large file is not sent for nothing */
const MAX_FILE_BYTES = 25 * 1024 * 1024;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** PDF is kept as it is; the server turns a Word file into a text document */
const fileTypeOf = (f: File) => (f.type === 'application/pdf' || /\.pdf$/i.test(f.name) ? 'application/pdf' : f.type === DOCX_TYPE || /\.docx$/i.test(f.name) ? DOCX_TYPE : null);

export const documentsKey = (congressId: number) => ['congress', congressId, 'documents'] as const;

export function useDocuments(congressId: number) {
  return useQuery({ queryKey: documentsKey(congressId), queryFn: () => api.get<DocumentMeta[]>(`/api/congresses/${congressId}/documents`) });
}

/** the congress documents delegates read on their phones: staff add a text or a PDF, mark it internal, remove it */
export function DocumentsTab({ congress, canManage }: { congress: Congress; canManage: boolean }) {
  const { t } = useTranslation('congress');
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const base = `/api/congresses/${congress.id}`;
  const q = useDocuments(congress.id);
  const [adding, setAdding] = useState(false);
  const [reading, setReading] = useState<DocumentMeta | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const remove = useMutation({
    mutationFn: (d: DocumentMeta) => del(`${base}/documents/${d.id}`),
    onSuccess: async () => {
      setConfirming(null);
      await client.invalidateQueries({ queryKey: documentsKey(congress.id) });
    },
  });
  const projected = congress.projector.mode === 'document' ? congress.projector.documentId : null;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 240px' }}>
          {t('documents.intro')}
        </Text>
        {canManage && <Button onClick={() => setAdding(true)}>{t('documents.add')}</Button>}
      </Group>
      <ErrorAlert error={remove.error} />
      {q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data.length === 0 ? (
        <Text>{t('delegate.noDocuments')}</Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('tabs.documents')}>
          {q.data.map((d) => (
            <Paper component="li" key={d.id} withBorder p="sm">
              <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Anchor component="button" type="button" fw={600} ta="left" onClick={() => setReading(d)} style={{ overflowWrap: 'anywhere' }}>
                    {d.title}
                  </Anchor>
                  <Group gap={6} mt={2}>
                    <Text size="xs" c="dimmed">
                      {d.kind === 'file' ? fileSizeLabel(d) : t('delegate.text')} · {formatDateTime(d.createdAt)}
                    </Text>
                    {d.internal && (
                      <Badge size="xs" variant="filled" color="#8f3b00">
                        {t('delegate.internal')}
                      </Badge>
                    )}
                    {projected === d.id && (
                      <Badge size="xs" variant="outline">
                        {t('documents.onProjector')}
                      </Badge>
                    )}
                  </Group>
                </div>
                {confirming === d.id ? (
                  <Group gap={4} wrap="wrap" justify="flex-end">
                    <Text size="sm">{t('documents.removeConfirm')}</Text>
                    <Button size="compact-sm" color="red" loading={remove.isPending} onClick={() => remove.mutate(d)}>
                      {t('documents.remove')}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => setConfirming(null)}>
                      {t('common.cancel')}
                    </Button>
                  </Group>
                ) : (
                  <Group gap={4} wrap="nowrap">
                    <Button component="a" href={`${base}/documents/${d.id}?download=true`} size="compact-sm" variant="light" download aria-label={t('delegate.downloadName', { title: d.title })}>
                      {t('delegate.download')}
                    </Button>
                    {canManage && (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirming(d.id)} aria-label={t('documents.removeName', { title: d.title })}>
                        {t('documents.remove')}
                      </Button>
                    )}
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <AddDocumentModal opened={adding} onClose={() => setAdding(false)} congressId={congress.id} />
      <DocumentModal base={base} doc={reading} onClose={() => setReading(null)} fullScreen={isPhone} />
    </Stack>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

function AddDocumentModal({ opened, onClose, congressId }: { opened: boolean; onClose: () => void; congressId: number }) {
  const { t } = useTranslation('congress');
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<'text' | 'file'>('text');
  const [html, setHtml] = useState<{ value: string; empty: boolean }>({ value: '', empty: true });
  // a new editor for each opening: what was typed for a document saved or cancelled is gone
  const [editorKey, setEditorKey] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [internal, setInternal] = useState(true);
  const fileProblem = file && !fileTypeOf(file) ? t('documents.notPdf') : file && file.size > MAX_FILE_BYTES ? t('documents.tooLarge', { mb: MAX_FILE_BYTES / 1024 / 1024 }) : null;
  const close = () => {
    setTitle('');
    setHtml({ value: '', empty: true });
    setEditorKey((k) => k + 1);
    setFile(null);
    setKind('text');
    setInternal(true);
    save.reset();
    onClose();
  };
  const save = useMutation({
    mutationFn: async () =>
      api.post<{ id: number }>(`/api/congresses/${congressId}/documents`, {
        title: title.trim(),
        internal,
        ...(kind === 'text' ? { bodyHtml: html.value } : { file: { name: file!.name, type: fileTypeOf(file!)!, base64: await readBase64(file!) } }),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: documentsKey(congressId) });
      close();
    },
  });
  const ready = title.trim().length > 0 && (kind === 'text' ? !html.empty : !!file && !fileProblem);

  return (
    <Modal opened={opened} onClose={close} title={t('documents.addTitle')} size="lg" fullScreen={isPhone}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('documents.title')} required maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus />
          <SegmentedControl
            fullWidth
            aria-label={t('documents.kind')}
            value={kind}
            onChange={(v) => setKind(v as 'text' | 'file')}
            data={[
              { value: 'text', label: t('documents.kindText') },
              { value: 'file', label: t('documents.kindPdf') },
            ]}
          />
          {kind === 'text' ? (
            <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
              <RichTextField key={editorKey} label={t('documents.text')} description={t('documents.textHint')} onChange={(value, empty) => setHtml({ value, empty })} />
            </Suspense>
          ) : (
            <FileInput label={t('documents.file')} description={t('documents.fileHint', { mb: MAX_FILE_BYTES / 1024 / 1024 })} accept={`application/pdf,.pdf,${DOCX_TYPE},.docx`} value={file} onChange={setFile} clearable error={fileProblem} />
          )}
          <Checkbox label={t('documents.internal')} description={t('documents.internalHint')} checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} />
          <ErrorAlert error={save.error} />
          <DialogButtons onCancel={close} saving={save.isPending} disabled={!ready} saveLabel={t('documents.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
