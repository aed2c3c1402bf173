import { ActionIcon, Alert, Anchor, Badge, Button, Checkbox, Group, Loader, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { del } from '../congress/lib';
import { ballotValidity } from '../../../../src/modules/voting/elections.rules';
import { NS } from './i18n';
import { useVotingEvents } from './lib';
import { StatusBadge } from './parts';
import type { Election, PaperBallot, PaperEntry, Reconciliation } from './types';

type Clerk = 'first' | 'second';

/** "1 3 4", "1,3,4" or, with at most nine names, "134": the ballot-order numbers of the names */
export function parseIndices(text: string, count: number): number[] | null {
  const s = text.trim();
  if (!s) return [];
  const parts = /^\d+$/.test(s) && count <= 9 ? s.split('') : s.split(/[\s,;.+]+/).filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > count) return null;
    if (!out.includes(n)) out.push(n);
  }
  return out.sort((a, b) => a - b);
}

/** the counting committee enters the paper ballots, one clerk at a time, from the keyboard; the two entries are reconciled */
export function PaperCountPage() {
  const { t } = useTranslation(NS);
  const congressId = Number(useParams().id);
  const electionId = Number(useParams().electionId);
  const [params, setParams] = useSearchParams();
  const clerk: Clerk = params.get('clerk') === 'second' ? 'second' : 'first';
  const base = `/api/congresses/${congressId}/elections/${electionId}`;
  const election = useQuery({ queryKey: ['election', congressId, electionId], queryFn: () => api.get<Election>(base) });
  const entries = useQuery({ queryKey: ['paper', congressId, electionId, clerk], queryFn: () => api.get<PaperEntry[]>(`${base}/paper-ballots`, { clerk }) });
  const recon = useQuery({ queryKey: ['paper', congressId, electionId, 'reconciliation'], queryFn: () => api.get<Reconciliation>(`${base}/reconciliation`) });
  useVotingEvents(`/api/congresses/${congressId}/events`, [['paper', congressId, electionId], ['election', congressId, electionId]], (e) => e.type === 'vote.turnout' || e.type === 'election.turnout');

  if (election.isPending) return <Loader aria-label={t('common.loading')} />;
  if (election.isError) return <ErrorAlert error={election.error} />;
  const e = election.data;

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={`/congress/${congressId}/voting`} size="sm">
          ‹ {t('page.title')}
        </Anchor>
        <Group gap="xs" align="center">
          <Title order={1} size="h2">
            {t('paper.title')}
          </Title>
          <StatusBadge status={e.status} />
        </Group>
        <Text>{e.title}</Text>
      </div>
      <Group gap="xs" align="center">
        <Text size="sm" fw={500} id="clerk-label">
          {t('paper.clerk')}
        </Text>
        <SegmentedControl
          aria-labelledby="clerk-label"
          value={clerk}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            next.set('clerk', v);
            setParams(next, { replace: true });
          }}
          data={[
            { value: 'first', label: t('paper.clerkFirst') },
            { value: 'second', label: t('paper.clerkSecond') },
          ]}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          {e.status === 'open' ? (
            <BallotEntry key={clerk} election={e} clerk={clerk} base={base} entries={entries.data ?? []} />
          ) : (
            <Alert color="blue" variant="light">
              {t('paper.notOpen')}
            </Alert>
          )}
          <EnteredList election={e} clerk={clerk} base={base} entries={entries.data ?? []} />
        </Stack>
        <ReconciliationView election={e} data={recon.data} error={recon.error} />
      </SimpleGrid>
    </Stack>
  );
}

type MarkBy = 'kept' | 'crossed';

/** how this clerk types the ballots of this election, kept for the browser session */
function useMarkBy(electionId: number, clerk: Clerk): [MarkBy, (v: MarkBy) => void] {
  const key = `daihoi.paper.markBy.${electionId}.${clerk}`;
  const [by, setState] = useState<MarkBy>(() => (sessionStorage.getItem(key) === 'crossed' ? 'crossed' : 'kept'));
  const set = (v: MarkBy) => {
    sessionStorage.setItem(key, v);
    setState(v);
  };
  return [by, set];
}

function BallotEntry({ election: e, clerk, base, entries }: { election: Election; clerk: Clerk; base: string; entries: PaperEntry[] }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const n = e.candidates.length;
  const crossing = n > e.seats + e.alternateSeats;
  // a ballot with surplus is typed by the names kept or by the names crossed out (fewer keys for 33 of 40); each clerk's choice is kept for the session
  const [by, setBy] = useMarkBy(e.id, clerk);
  const byCrossed = crossing && by === 'crossed';
  const nextNo = entries.reduce((m, x) => Math.max(m, x.ballot.ballotNo), 0) + 1;
  const [ballotNo, setBallotNo] = useState<number | string>('');
  const [kept, setKept] = useState('');
  const [disagree, setDisagree] = useState('');
  const [notStamped, setNotStamped] = useState(false);
  const [notThis, setNotThis] = useState(false);
  const [added, setAdded] = useState<number | string>(0);
  const [mark, setMark] = useState(false);
  const keptRef = useRef<HTMLInputElement>(null);
  const no = ballotNo === '' ? nextNo : Number(ballotNo);
  const keptIdx = parseIndices(kept, n);
  const disagreeIdx = parseIndices(disagree, n);
  const ids = (idx: number[] | null) => (idx ?? []).map((i) => e.candidates[i - 1].id);
  const keptIds = byCrossed ? e.candidates.filter((_, i) => !(keptIdx ?? []).includes(i + 1)).map((c) => c.id) : ids(keptIdx);
  const ballot: PaperBallot = {
    ballotNo: no,
    printedForThisElection: !notThis,
    stamped: !notStamped,
    addedNames: Number(added) || 0,
    identifyingMark: mark,
    marks: crossing ? { kind: 'crossing', kept: keptIds } : { kind: 'boxes', agree: ids(keptIdx), disagree: ids(disagreeIdx) },
  };
  // sent as typed: the server turns crossed-out names into the names kept
  const sent = byCrossed ? { ...ballot, marks: { kind: 'crossing' as const, crossed: ids(keptIdx) } } : ballot;
  const verdict = ballotValidity(ballot, { body: e.body, seats: e.seats, alternateSeats: e.alternateSeats, candidates: e.candidates });
  const replacing = entries.some((x) => x.ballot.ballotNo === no);
  const save = useMutation({
    mutationFn: () => api.post(`${base}/paper-ballots`, { clerk, ballots: [sent] }),
    onSuccess: () => {
      setBallotNo('');
      setKept('');
      setDisagree('');
      setNotStamped(false);
      setNotThis(false);
      setAdded(0);
      setMark(false);
      void client.invalidateQueries({ queryKey: ['paper'] });
      keptRef.current?.focus();
    },
  });
  const toggle = (i: number) => {
    const set = new Set(keptIdx ?? []);
    if (set.has(i)) set.delete(i);
    else set.add(i);
    setKept([...set].sort((a, b) => a - b).join(' '));
  };
  const valid = keptIdx !== null && disagreeIdx !== null && Number.isInteger(no) && no >= 1;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="entry-title">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          if (valid) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="entry-title">
            {t('paper.entry', { clerk: t(clerk === 'first' ? 'paper.clerkFirst' : 'paper.clerkSecond') })}
          </Title>
          {crossing && (
            <Group gap="xs" align="center">
              <Text size="sm" fw={500} id="mark-by-label">
                {t('paper.markBy')}
              </Text>
              <SegmentedControl
                aria-labelledby="mark-by-label"
                size="xs"
                value={by}
                onChange={(v) => {
                  setBy(v as MarkBy);
                  setKept('');
                  keptRef.current?.focus();
                }}
                data={[
                  { value: 'kept', label: t('paper.byKept') },
                  { value: 'crossed', label: t('paper.byCrossed') },
                ]}
              />
            </Group>
          )}
          <Text size="xs" c="dimmed">
            {!crossing ? t('paper.keyboardHintBoxes') : byCrossed ? t('paper.keyboardHintCrossed') : t('paper.keyboardHintCrossing')}
          </Text>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NumberInput label={t('paper.ballotNoShort')} min={1} value={ballotNo} placeholder={String(nextNo)} onChange={setBallotNo} w={130} />
            <TextInput
              ref={keptRef}
              label={!crossing ? t('paper.agree') : byCrossed ? t('paper.crossed') : t('paper.kept')}
              value={kept}
              onChange={(ev) => setKept(ev.currentTarget.value)}
              error={keptIdx === null ? t('paper.badIndices', { n }) : undefined}
              autoFocus
              autoComplete="off"
              inputMode="numeric"
              style={{ flex: '1 1 160px' }}
            />
            {!crossing && (
              <TextInput
                label={t('paper.disagree')}
                value={disagree}
                onChange={(ev) => setDisagree(ev.currentTarget.value)}
                error={disagreeIdx === null ? t('paper.badIndices', { n }) : undefined}
                autoComplete="off"
                style={{ flex: '1 1 160px' }}
              />
            )}
          </Group>
          <Stack gap={2} component="ol" m={0} pl={0} style={{ listStyle: 'none' }} aria-label={t('paper.candidates')}>
            {e.candidates.map((c, i) => (
              <li key={c.id}>
                <Checkbox
                  label={`${i + 1}. ${c.fullName}`}
                  checked={(keptIdx ?? []).includes(i + 1)}
                  onChange={() => toggle(i + 1)}
                  tabIndex={-1}
                  styles={{ label: { textDecoration: crossing && (keptIdx ?? []).includes(i + 1) === byCrossed ? 'line-through' : undefined } }}
                />
              </li>
            ))}
          </Stack>
          <Group gap="md" wrap="wrap" align="flex-end">
            <Checkbox label={t('paper.notStamped')} checked={notStamped} onChange={(ev) => setNotStamped(ev.currentTarget.checked)} />
            <Checkbox label={t('paper.notThisElection')} checked={notThis} onChange={(ev) => setNotThis(ev.currentTarget.checked)} />
            <Checkbox label={t('paper.identifyingMark')} checked={mark} onChange={(ev) => setMark(ev.currentTarget.checked)} />
            <NumberInput label={t('paper.addedNames')} min={0} max={100} value={added} onChange={setAdded} w={150} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('paper.validityRule')}
          </Text>
          <Text size="sm" fw={600} c={verdict.valid ? 'teal.9' : 'red.8'} role="status" data-testid="ballot-verdict">
            {t('paper.ballotNo', { no })}: {verdict.valid ? t('paper.valid', { count: verdict.votesFor.length }) : `${t('paper.invalid')} — ${verdict.problems.map((p) => p.message).join('; ')}`}
          </Text>
          {replacing && (
            <Text size="sm" c="#8f3b00">
              {t('paper.replacing', { no })}
            </Text>
          )}
          <ErrorAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!valid}>
              {t('paper.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EnteredList({ election: e, clerk, base, entries }: { election: Election; clerk: Clerk; base: string; entries: PaperEntry[] }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const position = new Map(e.candidates.map((c, i) => [c.id, i + 1]));
  const remove = useMutation({ mutationFn: (no: number) => del(`${base}/paper-ballots/${clerk}/${no}`), onSuccess: () => void client.invalidateQueries({ queryKey: ['paper'] }) });
  const rules = { body: e.body, seats: e.seats, alternateSeats: e.alternateSeats, candidates: e.candidates };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="entered-title">
      <Title order={2} size="h4" id="entered-title" mb="xs">
        {t('paper.entered', { count: entries.length })}
      </Title>
      <ErrorAlert error={remove.error} />
      <Table.ScrollContainer minWidth={300} mah={420}>
        <Table striped stickyHeader aria-label={t('paper.enteredTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('paper.ballotNoShort')}</Table.Th>
              <Table.Th>{t('paper.marks')}</Table.Th>
              <Table.Th>{t('paper.validity')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...entries].reverse().map((x) => {
              const b = x.ballot;
              const m = b.marks;
              const list = (ids: readonly number[]) => ids.map((id) => position.get(id)).sort((p, q) => (p ?? 0) - (q ?? 0)).join(' ');
              const v = ballotValidity(b, rules);
              return (
                <Table.Tr key={b.ballotNo}>
                  <Table.Td>{b.ballotNo}</Table.Td>
                  <Table.Td ff="monospace">{m.kind === 'crossing' ? list(m.kept) || '—' : `+${list(m.agree)} / −${list(m.disagree)}`}</Table.Td>
                  <Table.Td>
                    {v.valid ? (
                      <Badge size="sm" color="teal.8">
                        {t('paper.validShort')}
                      </Badge>
                    ) : (
                      <Badge size="sm" color="red.8" title={v.problems.map((p) => p.message).join('; ')}>
                        {t('paper.invalidShort')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.status === 'open' && (
                      <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('paper.remove', { no: b.ballotNo })} onClick={() => remove.mutate(b.ballotNo)}>
                        ✕
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ReconciliationView({ election: e, data, error }: { election: Election; data: Reconciliation | undefined; error: unknown }) {
  const { t } = useTranslation(NS);
  const position = new Map(e.candidates.map((c, i) => [c.id, i + 1]));
  const list = (ids: readonly number[]) => ids.map((id) => position.get(id) ?? 0).sort((x, y) => x - y).join(' ');
  const show = (field: string, v: unknown): string => {
    if (field === 'marks') {
      const m = v as PaperBallot['marks'];
      return m.kind === 'crossing' ? `${t('paper.kept')}: ${list(m.kept) || '—'}` : `+${list(m.agree)} / −${list(m.disagree)}`;
    }
    if (typeof v === 'boolean') return v ? t('paper.yes') : t('paper.no');
    return String(v);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recon-title" data-testid="reconciliation">
      <Title order={2} size="h4" id="recon-title" mb="xs">
        {t('paper.reconciliation')}
      </Title>
      <ErrorAlert error={error} />
      {data && (
        <Stack gap="xs">
          <Text size="sm">{t('paper.reconCounts', { first: data.first, second: data.second })}</Text>
          {data.first > 0 && data.second > 0 && data.agreed ? (
            <Alert color="teal" variant="light">
              {t('paper.agreed')}
            </Alert>
          ) : data.second === 0 ? (
            <Text size="sm" c="dimmed">
              {t('paper.secondNotYet')}
            </Text>
          ) : null}
          {data.onlyInFirst.length > 0 && <Text size="sm">{t('paper.onlyInFirst', { list: data.onlyInFirst.join(', ') })}</Text>}
          {data.onlyInSecond.length > 0 && <Text size="sm">{t('paper.onlyInSecond', { list: data.onlyInSecond.join(', ') })}</Text>}
          {data.duplicated.map((d) => (
            <Text size="sm" key={`${d.clerk}-${d.ballotNo}`}>
              {t('paper.duplicated', { no: d.ballotNo, clerk: t(d.clerk === 'first' ? 'paper.clerkFirst' : 'paper.clerkSecond') })}
            </Text>
          ))}
          {data.differences.length > 0 && (
            <Table.ScrollContainer minWidth={320}>
              <Table striped aria-label={t('paper.differences')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('paper.ballotNoShort')}</Table.Th>
                    <Table.Th>{t('paper.field')}</Table.Th>
                    <Table.Th>{t('paper.clerkFirst')}</Table.Th>
                    <Table.Th>{t('paper.clerkSecond')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.differences.map((d, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{d.ballotNo}</Table.Td>
                      <Table.Td>{t(`paper.fields.${d.field}`)}</Table.Td>
                      <Table.Td>{show(d.field, d.first)}</Table.Td>
                      <Table.Td>{show(d.field, d.second)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Paper>
  );
}
