import { ActionIcon, Alert, Button, Checkbox, Fieldset, Group, List, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { put } from '../congress/lib';
import type { Delegate } from '../congress/types';
import { NS } from './i18n';
import { votingKey } from './lib';
import { DEFAULT_TALLY_RULES, ELECTED_BODIES, ELECTION_TITLES, defaultSurplusRule, type ElectedBody, type Election, type ElectionMode, type TallyRules } from './types';
import type { RuleProblem } from '../../../../src/modules/congress/congress.rules';

interface CandidateInput {
  key: string;
  memberId: number | null;
  fullName: string;
}

interface MemberHit {
  id: number;
  fullName: string;
  orgName?: string;
}

/** prepare an election: what is elected, the seats, the candidates; the list is checked as it is typed */
export function ElectionForm({ congressId, election, opened, onClose }: { congressId: number; election?: Election | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const [body, setBody] = useState<ElectedBody>(election?.body ?? 'executive_committee');
  const [title, setTitle] = useState(election?.title ?? '');
  const [seats, setSeats] = useState<number | string>(election?.seats ?? 1);
  const [alternateSeats, setAlternateSeats] = useState<number | string>(election?.alternateSeats ?? 0);
  const [mode, setMode] = useState<ElectionMode>(election?.mode ?? 'electronic');
  const [roundUp, setRoundUp] = useState(election?.surplusRounding === 'up');
  // the (verify) rules: the election's own, else the regulation's defaults for the body chosen
  const initial = defaultSurplusRule(election?.body ?? 'executive_committee');
  const [minPercent, setMinPercent] = useState<number | string>(election?.surplusMinPercent ?? initial.minPercent);
  const [maxPercent, setMaxPercent] = useState<number | string>(election ? (election.surplusMaxPercent ?? 30) : (initial.maxPercent ?? 30));
  const [hasMax, setHasMax] = useState(election ? election.surplusMaxPercent !== null : initial.maxPercent !== null);
  const [tieAtLastSeat, setTieAtLastSeat] = useState<TallyRules['tieAtLastSeat']>(election?.tieAtLastSeat ?? DEFAULT_TALLY_RULES.tieAtLastSeat);
  const [fewerElected, setFewerElected] = useState<TallyRules['fewerElected']>(election?.fewerElected ?? DEFAULT_TALLY_RULES.fewerElected);
  const chooseBody = (b: ElectedBody) => {
    setBody(b);
    const d = defaultSurplusRule(b);
    setMinPercent(d.minPercent);
    setHasMax(d.maxPercent !== null);
    setMaxPercent(d.maxPercent ?? 30);
  };
  const [candidates, setCandidates] = useState<CandidateInput[]>(election?.candidates.map((c) => ({ key: `c${c.id}`, memberId: c.memberId, fullName: c.fullName })) ?? []);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 250);

  const delegates = useQuery({ queryKey: ['congress', congressId, 'delegates', 'voting'], queryFn: () => api.get<Delegate[]>(`/api/congresses/${congressId}/delegates`, { limit: 5000 }), enabled: opened });
  const members = useQuery({
    queryKey: ['members-search', debouncedSearch],
    queryFn: () => api.get<MemberHit[]>('/api/members/search', { q: debouncedSearch, limit: 20 }),
    enabled: opened && debouncedSearch.trim().length >= 2,
  });
  const chosen = new Set(candidates.map((c) => c.memberId).filter((x) => x != null));
  const options = [
    ...(delegates.data ?? []).filter((d) => d.status === 'active').map((d) => ({ value: `m${d.memberId}`, label: `${d.fullName} — ${t('election.delegateNo', { n: d.number })}` })),
    ...(members.data ?? []).filter((m) => !(delegates.data ?? []).some((d) => d.memberId === m.id)).map((m) => ({ value: `m${m.id}`, label: `${m.fullName}${m.orgName ? ` — ${m.orgName}` : ''}` })),
  ].filter((o) => !chosen.has(Number(o.value.slice(1))));

  const payload = {
    body,
    ...(title.trim() ? { title: title.trim() } : {}),
    // a delegation's further round may be for alternate seats alone (0 official seats)
    seats: Number.isFinite(Number(seats)) && seats !== '' ? Number(seats) : 1,
    alternateSeats: body === 'delegation' ? Number(alternateSeats) || 0 : 0,
    surplusRounding: roundUp && hasMax ? ('up' as const) : ('down' as const),
    surplusMinPercent: Number(minPercent) || 0,
    surplusMaxPercent: hasMax ? Number(maxPercent) || 0 : null,
    tieAtLastSeat,
    fewerElected,
    mode,
    candidates: candidates.map((c) => (c.memberId ? { memberId: c.memberId } : { fullName: c.fullName })),
  };
  const [debouncedPayload] = useDebouncedValue(JSON.stringify(payload), 300);
  const check = useQuery({
    queryKey: ['election-check', congressId, debouncedPayload],
    queryFn: () => api.post<{ problem: RuleProblem | null; ballotOrder: string[] }>(`/api/congresses/${congressId}/elections/check`, JSON.parse(debouncedPayload)),
    enabled: opened && candidates.length > 0,
    staleTime: Infinity,
    placeholderData: (prev) => prev,
  });

  const save = useMutation({
    mutationFn: () => (election ? put(`/api/congresses/${congressId}/elections/${election.id}`, payload) : api.post(`/api/congresses/${congressId}/elections`, payload)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: votingKey(congressId) });
      onClose();
    },
  });

  const addTyped = () => {
    const names = typed
      .split(/[\n;]/)
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter((s) => s.length >= 2);
    if (!names.length) return;
    setCandidates((cs) => [...cs, ...names.map((n, i) => ({ key: `t${Date.now()}-${i}`, memberId: null, fullName: n }))]);
    setTyped('');
  };
  const pick = (value: string | null) => {
    if (!value) return;
    const id = Number(value.slice(1));
    const label = options.find((o) => o.value === value)?.label ?? '';
    setCandidates((cs) => [...cs, { key: value, memberId: id, fullName: label.split(' — ')[0] }]);
    setSearch('');
  };
  const problem = check.data?.problem ?? null;
  const upToDate = debouncedPayload === JSON.stringify(payload) && !check.isFetching;

  return (
    <Modal opened={opened} onClose={onClose} title={election ? t('election.edit') : t('election.create')} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Group gap="sm" wrap="wrap" align="flex-end">
            <Select
              label={t('election.body')}
              data={ELECTED_BODIES.map((b) => ({ value: b, label: t(`body.${b}`) }))}
              value={body}
              onChange={(v) => v && chooseBody(v as ElectedBody)}
              allowDeselect={false}
              style={{ flex: '1 1 240px' }}
            />
            <NumberInput label={body === 'delegation' ? t('election.officialSeats') : t('election.seats')} min={body === 'delegation' && (election?.round ?? 1) > 1 ? 0 : 1} max={500} value={seats} onChange={setSeats} w={150} />
            {body === 'delegation' && <NumberInput label={t('election.alternateSeats')} min={0} max={500} value={alternateSeats} onChange={setAlternateSeats} w={150} />}
          </Group>
          <TextInput label={t('election.title')} placeholder={ELECTION_TITLES[body]} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} />
          <Fieldset legend={t('election.rules')} variant="filled" p="sm" data-testid="election-rules">
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {t('election.rulesHint')}
              </Text>
              {/* a further round is among the tied or the rest: no surplus rule */}
              {(election?.round ?? 1) === 1 && (
              <Group gap="sm" align="flex-start" wrap="wrap">
                <NumberInput label={t('election.surplusMin')} description={t('election.surplusMinHint')} min={0} max={100} value={minPercent} onChange={setMinPercent} style={{ flex: '1 1 220px' }} />
                <Stack gap={6} style={{ flex: '1 1 220px' }}>
                  <NumberInput label={t('election.surplusMax')} description={t('election.surplusMaxHint')} min={0} max={100} value={maxPercent} onChange={setMaxPercent} disabled={!hasMax} />
                  <Checkbox label={t('election.surplusHasMax')} checked={hasMax} onChange={(e) => setHasMax(e.currentTarget.checked)} />
                </Stack>
              </Group>
              )}
              {hasMax && (election?.round ?? 1) === 1 && <Checkbox label={t('election.surplusRoundUp')} description={t('election.surplusRoundUpHint')} checked={roundUp} onChange={(e) => setRoundUp(e.currentTarget.checked)} />}
              <Group gap="sm" align="flex-start" wrap="wrap">
                <Select
                  label={t('election.tieAtLastSeat')}
                  description={t('election.tieAtLastSeatHint')}
                  data={(['further_round', 'congress_decides'] as const).map((v) => ({ value: v, label: t(`election.tie_${v}`) }))}
                  value={tieAtLastSeat}
                  onChange={(v) => v && setTieAtLastSeat(v as TallyRules['tieAtLastSeat'])}
                  allowDeselect={false}
                  style={{ flex: '1 1 220px' }}
                />
                <Select
                  label={t('election.fewerElected')}
                  description={t('election.fewerElectedHint')}
                  data={(['vote_again', 'leave_empty'] as const).map((v) => ({ value: v, label: t(`election.fewer_${v}`) }))}
                  value={fewerElected}
                  onChange={(v) => v && setFewerElected(v as TallyRules['fewerElected'])}
                  allowDeselect={false}
                  style={{ flex: '1 1 220px' }}
                />
              </Group>
            </Stack>
          </Fieldset>
          <div>
            <Text size="sm" fw={500} mb={4} id="mode-label">
              {t('election.mode')}
            </Text>
            <SegmentedControl
              aria-labelledby="mode-label"
              value={mode}
              onChange={(v) => setMode(v as ElectionMode)}
              data={[
                { value: 'electronic', label: t('mode.electronic') },
                { value: 'paper', label: t('mode.paper') },
              ]}
            />
          </div>
          <Text size="sm" fw={700}>
            {t('election.candidates', { count: candidates.length })}
          </Text>
          <Stack gap={4} component="ol" m={0} pl="lg" aria-label={t('election.candidatesList')}>
            {candidates.map((c) => (
              <li key={c.key}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm">
                    {c.fullName}{' '}
                    <Text span size="xs" c="dimmed">
                      {c.memberId ? t('election.fromRegistry') : t('election.typed')}
                    </Text>
                  </Text>
                  <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('election.removeCandidate', { name: c.fullName })} onClick={() => setCandidates((cs) => cs.filter((x) => x.key !== c.key))}>
                    ✕
                  </ActionIcon>
                </Group>
              </li>
            ))}
          </Stack>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t('election.pickMember')}
              placeholder={t('election.pickMemberHint')}
              searchable
              data={options}
              value={null}
              searchValue={search}
              onSearchChange={setSearch}
              onChange={pick}
              nothingFoundMessage={search.length >= 2 ? t('election.nothingFound') : undefined}
              style={{ flex: '1 1 260px' }}
              limit={50}
            />
          </Group>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('election.typeName')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addTyped();
                }
              }}
              style={{ flex: 1 }}
            />
            <Button variant="light" onClick={addTyped} disabled={typed.trim().length < 2}>
              {t('election.addName')}
            </Button>
          </Group>
          {candidates.length > 0 && (
            <div aria-live="polite" data-testid="list-check" data-state={!upToDate ? 'checking' : problem ? 'refused' : 'ok'}>
              {problem ? (
                <Alert color="red" variant="light" title={t('election.refused')}>
                  {problem.message}
                </Alert>
              ) : check.data ? (
                <Alert color="teal" variant="light" title={t('election.listOk')}>
                  <Text size="sm" mb={4}>
                    {t('election.ballotOrder')}
                  </Text>
                  <List type="ordered" size="sm">
                    {check.data.ballotOrder.map((n, i) => (
                      <List.Item key={i}>{n}</List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
              <ErrorAlert error={check.error} />
            </div>
          )}
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!candidates.length || !!problem || !upToDate}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
