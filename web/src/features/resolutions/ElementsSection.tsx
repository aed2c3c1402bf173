// The resolution's breakthroughs, key tasks and solution groups on its page; the office adds to them, corrects them
// and removes one entered by mistake (refused while tasks carry it out).
import { useState } from 'react';
import { Button, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { del, put } from '../congress/lib';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useIsPhone } from '../../app/useIsPhone';
import { RES_NS } from './i18n';
import { ELEMENT_KINDS, type ElementKind, type ResolutionDetail } from './types';

type Element = ResolutionDetail['elements'][number];

/** adds an element of a kind, or corrects one (its title and explanation) */
function ElementModal({ resolutionId, kind, element, onClose }: { resolutionId: number; kind: ElementKind; element?: Element; onClose: () => void }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  const phone = useIsPhone();
  const client = useQueryClient();
  const [title, setTitle] = useState(element?.title ?? '');
  const [description, setDescription] = useState(element?.description ?? '');
  const save = useMutation({
    mutationFn: () => {
      const body = { title: title.trim(), description: description.trim() || null };
      return element ? put(`/api/resolution-elements/${element.id}`, body) : api.post(`/api/resolutions/${resolutionId}/elements`, { kind, ...body });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['resolution', resolutionId] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={element ? tr('elements.edit') : tr(`elements.add.${kind}`)} fullScreen={phone} size="lg">
      <Stack gap="sm">
        <Textarea label={tr('elements.title')} required autosize minRows={2} maxLength={1000} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus />
        <Textarea label={tr('elements.description')} autosize minRows={2} maxLength={5000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!title.trim()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** one block a kind, numbered by position; a kind with nothing recorded shows only to those who can add to it */
export function ElementsSection({ resolution, manage }: { resolution: ResolutionDetail; manage: boolean }) {
  const { t } = useTranslation();
  const { t: tr } = useTranslation(RES_NS);
  const [adding, setAdding] = useState<ElementKind | null>(null);
  const [editing, setEditing] = useState<Element | null>(null);
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (e: Element) => del(`/api/resolution-elements/${e.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['resolution', resolution.id] }),
  });
  return (
    <>
      {ELEMENT_KINDS.map((kind) => {
        const items = resolution.elements.filter((e) => e.kind === kind);
        if (!items.length && !manage) return null;
        return (
          <section key={kind}>
            <Title order={2} size="h4">
              {t(`resolutions.element.${kind}`)}
            </Title>
            {items.length ? (
              <List type="ordered" mt="xs" spacing={4}>
                {items.map((e) => (
                  <List.Item key={e.id} value={e.position}>
                    {e.title}
                    {manage && (
                      <Group gap={4} component="span" ml="xs" style={{ display: 'inline-flex' }}>
                        <Button variant="subtle" size="compact-xs" onClick={() => setEditing(e)} aria-label={tr('elements.editOne', { title: e.title })}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          variant="subtle"
                          color="red"
                          size="compact-xs"
                          aria-label={tr('elements.removeOne', { title: e.title })}
                          onClick={() => window.confirm(tr('elements.removeConfirm', { title: e.title })) && remove.mutate(e)}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    )}
                    {e.description && (
                      <Text size="xs" c="dimmed">
                        {e.description}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed" mt={4}>
                {tr('elements.none')}
              </Text>
            )}
            {manage && (
              <Button variant="subtle" size="compact-sm" mt={4} onClick={() => setAdding(kind)}>
                {tr(`elements.add.${kind}`)}
              </Button>
            )}
          </section>
        );
      })}
      <ErrorAlert error={remove.error} />
      {adding && <ElementModal resolutionId={resolution.id} kind={adding} onClose={() => setAdding(null)} />}
      {editing && <ElementModal resolutionId={resolution.id} kind={editing.kind} element={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
