// Congress documents in the browser: the HTML the API stores read back as
// paragraphs and cut into the pages the hall screen shows, and the reader a phone or the office opens.
import { Button, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import type { DocumentMeta } from './types';

/** GET …/documents/:docId without ?download: the metadata and, for a text document, its HTML */
export type DocumentBody = DocumentMeta & { bodyHtml: string | null };

const BLOCKS = 'p,div,li,h1,h2,h3,h4,h5,h6,tr,blockquote,pre,section,article,header,footer';

/** the paragraphs of a document's HTML, as plain text (parsed inert: nothing runs, nothing loads) */
export function htmlToParagraphs(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script,style,template').forEach((e) => e.remove());
  doc.querySelectorAll('br').forEach((e) => e.replaceWith('\n'));
  doc.querySelectorAll('li').forEach((e) => e.prepend('• '));
  doc.querySelectorAll(BLOCKS).forEach((e) => e.append('\n\n'));
  return (doc.body.textContent ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim())
    .filter(Boolean);
}

/** pieces of at most `max` characters: at sentence ends where possible, else between words */
function splitLong(paragraph: string, max: number): string[] {
  if (paragraph.length <= max) return [paragraph];
  const parts = paragraph.split(/(?<=[.!?;:…])\s+/).flatMap((s) => (s.length <= max ? [s] : s.split(/\s+/)));
  const out: string[] = [];
  let cur = '';
  for (const p of parts) {
    if (cur && cur.length + 1 + p.length > max) {
      out.push(cur);
      cur = p;
    } else cur = cur ? `${cur} ${p}` : p;
  }
  if (cur) out.push(cur);
  return out;
}

/** the characters of text one screen of the hall shows in large type (about ten lines at 16:9) */
export const PROJECTOR_PAGE_CHARS = 560;

/** paragraphs packed into pages of at most `max` characters; the console and the screen cut the same pages */
export function paginate(paragraphs: readonly string[], max = PROJECTOR_PAGE_CHARS): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  for (const p of paragraphs.flatMap((x) => splitLong(x, max))) {
    if (page.length && size + p.length > max) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(p);
    size += p.length;
  }
  if (page.length) pages.push(page);
  return pages;
}

/** the page the hall screen shows: for the 'document' mode the API has no page field, so the console sends it as the projector's text */
/** the page of a text document the hall screen shows, within the document's pages */
export const projectorPage = (page: number | null | undefined, pages: number) => Math.min(Math.max(1, Math.floor(page ?? 1) || 1), Math.max(1, pages));

/** one document with its body, read once (documents are never edited, only added and removed) */
export function useDocument(base: string, docId: number | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['congress-doc', base, docId],
    queryFn: () => api.get<DocumentBody>(`${base}/documents/${docId}`),
    enabled: enabled && !!docId,
    staleTime: Infinity,
    retry: 1,
  });
}

export const fileSizeLabel = (d: Pick<DocumentMeta, 'fileName' | 'fileSize'>) => `${d.fileName ?? ''}${d.fileSize ? ` · ${Math.ceil(d.fileSize / 1024).toLocaleString('vi-VN')} KB` : ''}`;

/** rich text shown in a sandboxed frame (no scripts), files opened by the device's own viewer */
export function DocumentModal({ base, doc, onClose, fullScreen = true }: { base: string; doc: DocumentMeta | null; onClose: () => void; fullScreen?: boolean }) {
  const { t } = useTranslation('congress');
  const q = useDocument(base, doc?.id, doc?.kind === 'text');
  const style = '<style>body{font-family:"Noto Sans",Roboto,Arial,sans-serif;font-size:16px;line-height:1.55;margin:0;padding:4px;color:#111;overflow-wrap:anywhere}img,table{max-width:100%}</style>';
  return (
    <Modal opened={!!doc} onClose={onClose} title={doc?.title} fullScreen={fullScreen} size="xl">
      {doc?.kind === 'file' ? (
        <Stack>
          <Text size="sm">{doc.fileName}</Text>
          <Button component="a" href={`${base}/documents/${doc.id}?download=true`} download>
            {t('delegate.download')}
          </Button>
        </Stack>
      ) : q.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <Stack gap="sm">
          <iframe title={doc?.title ?? ''} sandbox="" srcDoc={`<!doctype html><meta charset="utf-8">${style}${q.data?.bodyHtml ?? ''}`} style={{ width: '100%', height: '70vh', border: 0 }} />
          <Button component="a" href={`${base}/documents/${doc!.id}?download=true`} variant="light" download>
            {t('delegate.downloadOffline')}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}
