import { ActionIcon, Alert, Anchor, Autocomplete, Badge, Button, Checkbox, Group, Loader, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDateTime } from '../../app/format';
import { useIsPhone } from '../../app/useIsPhone';
import { foldForSearch, nameMatchesWords, searchWords } from '../../../../src/shared/vietnamese';
import { put } from './lib';
import { DialogButtons } from './parts';
import { MAX_WORKING_BODY_MEMBERS, WORKING_BODIES, WORKING_BODY_TITLES, workingBodyProblem, type Congress, type Delegate, type WorkingBody, type WorkingBodyMember, type WorkingBodyView } from './types';

/** the presidium leads collectively: only the other bodies have a head (congress.rules.ts workingBodyProblem) */
const hasHead = (body: WorkingBody) => WORKING_BODY_TITLES[body].head !== null;

/** RULES.md "Bodies elected by show of hands": the presidium, the secretariat, the credentials and the counting committee */
export function WorkingBodiesTab({ congress, canManage }: { congress: Congress; canManage: boolean }) {
  const { t } = useTranslation('congress');
  const q = useQuery({ queryKey: ['congress', congress.id, 'working-bodies'], queryFn: () => api.get<{ bodies: WorkingBodyView[] }>(`/api/congresses/${congress.id}/working-bodies`) });
  const [editing, setEditing] = useState<WorkingBodyView | null>(null);
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const bodies = WORKING_BODIES.map((b) => q.data.bodies.find((x) => x.body === b) ?? { body: b, members: [], changedAt: null, approvedBy: null });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('bodies.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {bodies.map((b) => (
          <BodyCard key={b.body} congressId={congress.id} view={b} onEdit={canManage ? () => setEditing(b) : undefined} />
        ))}
      </SimpleGrid>
      <BodyEditor congressId={congress.id} view={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

/** someone named on a list who is not a delegate (a guest in the secretariat) */
function NotDelegate() {
  const { t } = useTranslation('congress');
  return (
    <Text span size="xs" c="dimmed">
      {' '}
      · {t('bodies.notDelegate')}
    </Text>
  );
}

function BodyCard({ congressId, view, onEdit }: { congressId: number; view: WorkingBodyView; onEdit?: () => void }) {
  const { t } = useTranslation('congress');
  const title = t(`bodies.title.${view.body}`);
  const id = `body-${view.body}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs" mb={6}>
        <div style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {t('bodies.count', { count: view.members.length })}
          </Text>
        </div>
        {onEdit && (
          <Button size="compact-sm" variant="light" onClick={onEdit} aria-label={t('bodies.editName', { title })} style={{ flex: 'none' }}>
            {t('bodies.edit')}
          </Button>
        )}
      </Group>
      {view.approvedBy ? (
        <Text size="sm" c="teal.9" fw={600} data-testid={`${id}-approval`}>
          ✓ {t('bodies.approved')}{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            {t('bodies.approvedBy', { time: formatDateTime(view.approvedBy.closedAt) })} ·{' '}
            <Anchor component={Link} to={`/congress/${congressId}/voting`} size="xs">
              {t('bodies.seeVote')}
            </Anchor>
          </Text>
        </Text>
      ) : (
        <Text size="sm" data-testid={`${id}-approval`}>
          <Badge size="sm" variant="outline" color="gray.7" mr={6}>
            {t('bodies.notApproved')}
          </Badge>
          <Text span size="xs" c="dimmed">
            {t('bodies.voteHint', { subject: t(`subject.${view.body}`, { ns: 'voting' }) })}{' '}
            <Anchor component={Link} to={`/congress/${congressId}/voting`} size="xs">
              {t('page.link', { ns: 'voting' })}
            </Anchor>
          </Text>
        </Text>
      )}
      {view.members.length === 0 ? (
        <Text size="sm" mt="xs">
          {t('bodies.empty')}
        </Text>
      ) : (
        <Stack component="ol" gap={2} mt="xs" m={0} pl="lg">
          {view.members.map((m, i) => (
            <Text component="li" key={`${m.delegateId ?? m.fullName}-${i}`} size="sm">
              {m.fullName}
              {m.head && (
                <Badge size="xs" ml={6} variant="filled" color="partyRed.8">
                  {t(`bodies.head.${view.body}`)}
                </Badge>
              )}
              {m.delegateId === null && <NotDelegate />}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function BodyEditor({ congressId, view, onClose }: { congressId: number; view: WorkingBodyView | null; onClose: () => void }) {
  const { t } = useTranslation('congress');
  const isPhone = useIsPhone();
  const client = useQueryClient();
  const [rows, setRows] = useState<WorkingBodyMember[]>([]);
  const [typed, setTyped] = useState('');
  const body = view?.body ?? 'presidium';
  useEffect(() => {
    if (view) setRows(view.members.map((m) => ({ ...m })));
    setTyped('');
  }, [view]);
  const delegates = useQuery({
    queryKey: ['congress', congressId, 'delegates', 'picker'],
    queryFn: () => api.get<Delegate[]>(`/api/congresses/${congressId}/delegates`, { limit: 5000 }),
    enabled: !!view,
  });
  const taken = new Set(rows.map((r) => r.delegateId).filter((x) => x !== null));
  // the delegates not yet on the list, each under a label unique to them (their number)
  const options = new Map<string, Delegate>((delegates.data ?? []).filter((d) => d.status === 'active' && !taken.has(d.id)).map((d) => [`${d.number}. ${d.fullName}`, d]));
  const save = useMutation({
    mutationFn: () => put(`/api/congresses/${congressId}/working-bodies/${body}`, { members: rows.map((r) => (r.delegateId !== null ? { delegateId: r.delegateId, head: r.head } : { fullName: r.fullName, head: r.head })) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['congress', congressId, 'working-bodies'] });
      close();
    },
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const add = (m: WorkingBodyMember) => {
    setRows((rs) => [...rs, m]);
    setTyped('');
  };
  const addDelegate = (d: Delegate) => add({ delegateId: d.id, fullName: d.fullName, head: false });
  /** a typed name: the delegate of that exact name when there is exactly one, else someone named only */
  const addTyped = () => {
    const name = typed.trim().replace(/\s+/g, ' ');
    if (name.length < 2) return;
    const same = [...options.values()].filter((d) => foldForSearch(d.fullName) === foldForSearch(name));
    if (same.length === 1) addDelegate(same[0]);
    else add({ delegateId: null, fullName: name, head: false });
  };
  const move = (i: number, by: number) =>
    setRows((rs) => {
      const next = [...rs];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const problem = workingBodyProblem(body, rows);
  const title = t(`bodies.title.${body}`);

  return (
    <Modal opened={!!view} onClose={close} title={t('bodies.editTitle', { title })} size="lg" fullScreen={isPhone}>
      <Stack gap="sm">
        {view?.approvedBy && (
          <Alert color="yellow" variant="light">
            {t('bodies.approvedWarning')}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {hasHead(body) ? t('bodies.orderHint', { head: t(`bodies.head.${body}`) }) : t('bodies.orderHintPresidium')}
        </Text>
        <Stack gap={4} component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={title}>
          {rows.map((r, i) => (
            <Paper component="li" key={i} withBorder px="xs" py={6}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {i + 1}. {r.fullName}
                    {r.delegateId === null && <NotDelegate />}
                  </Text>
                  {hasHead(body) && (
                    <Checkbox
                      mt={4}
                      size="xs"
                      label={t(`bodies.head.${body}`)}
                      aria-label={t('bodies.headOf', { head: t(`bodies.head.${body}`), name: r.fullName })}
                      checked={r.head}
                      onChange={(e) => {
                        const head = e.currentTarget.checked;
                        setRows((rs) => rs.map((x, j) => (j === i ? { ...x, head } : x)));
                      }}
                    />
                  )}
                </div>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" size="lg" disabled={i === 0} aria-label={t('bodies.up', { name: r.fullName })} onClick={() => move(i, -1)}>
                    ↑
                  </ActionIcon>
                  <ActionIcon variant="subtle" size="lg" disabled={i === rows.length - 1} aria-label={t('bodies.down', { name: r.fullName })} onClick={() => move(i, 1)}>
                    ↓
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('bodies.remove', { name: r.fullName })} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                    ✕
                  </ActionIcon>
                </Group>
              </Group>
            </Paper>
          ))}
          {rows.length === 0 && <Text size="sm">{t('bodies.empty')}</Text>}
        </Stack>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            addTyped();
          }}
        >
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Autocomplete
              label={t('bodies.pick')}
              description={t('bodies.pickHint')}
              value={typed}
              onChange={(v) => {
                // an option picked from the list arrives as its label: add that delegate
                const d = options.get(v);
                if (d) addDelegate(d);
                else setTyped(v);
              }}
              data={[...options.keys()]}
              filter={({ options: opts, search, limit }) => {
                const words = searchWords(search);
                return opts.filter((o) => 'label' in o && nameMatchesWords(o.label, words)).slice(0, limit);
              }}
              limit={30}
              maxLength={200}
              disabled={rows.length >= MAX_WORKING_BODY_MEMBERS}
              rightSection={delegates.isFetching ? <Loader size="xs" /> : null}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Button type="submit" variant="light" disabled={typed.trim().length < 2}>
              {t('bodies.add')}
            </Button>
          </Group>
        </form>
        {problem && (
          <Alert color="red" variant="light" role="alert" data-testid="body-problem">
            {problem.message}
          </Alert>
        )}
        <ErrorAlert error={save.error} />
        <DialogButtons onCancel={close} onSave={() => save.mutate()} saving={save.isPending} disabled={!!problem} />
      </Stack>
    </Modal>
  );
}
