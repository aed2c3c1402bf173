import { Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../app/ErrorAlert';
import { NS } from './i18n';
import { useVotingOverview, votingKey } from './lib';
import { VoteForm } from './VoteForm';
import { VotePanel } from './VotePanel';
import { ElectionForm } from './ElectionForm';
import { ElectionPanel } from './ElectionPanel';
import { AppointmentCard, AppointmentForm } from './Appointments';
import type { Appointment, Election, OpenVote } from './types';

/** the votes, elections and appointment decisions of a congress, for the office and the presidium, live */
export function VotingPage() {
  const { t } = useTranslation(NS);
  const congressId = Number(useParams().id);
  const q = useVotingOverview(congressId);
  const client = useQueryClient();
  const { canSomewhere } = useAuth();
  const [voteForm, setVoteForm] = useState<{ vote: OpenVote | null } | null>(null);
  const [electionForm, setElectionForm] = useState<{ election: Election | null } | null>(null);
  const [appointmentForm, setAppointmentForm] = useState<{ appointment: Appointment | null } | null>(null);
  const project = useMutation({
    mutationFn: (b: { kind: 'vote' | 'election' | 'appointment'; id: number }) => api.post(`/api/congresses/${congressId}/projector/poll`, b),
    onSuccess: () => void client.invalidateQueries({ queryKey: votingKey(congressId) }),
  });
  if (q.isPending) return <Loader aria-label={t('common.loading')} />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const canManage = canSomewhere('congress.manage') && d.congress.status !== 'closed';
  const projected = (mode: string, id: number) => d.projector.mode === mode && d.projector.pollId === id;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/congress/${congressId}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
            ‹ {d.congress.title}
          </Anchor>
          <Title order={1} size="h2">
            {t('page.title')}
          </Title>
        </div>
        <Group gap="xs">
          <Button component={Link} to={`/congress/${congressId}/console`} variant="light" size="xs">
            {t('page.console')}
          </Button>
          <Button component="a" href={`/congress/${congressId}/projector`} target="_blank" rel="noopener" variant="light" size="xs">
            {t('page.projector')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm" role="status" aria-live="polite" data-testid="voting-bases">
        <Text size="sm">{t('page.bases', { convened: d.bases.convened, electionBase: d.bases.electionBase, present: d.bases.present })}</Text>
      </Paper>
      <ErrorAlert error={project.error} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="sm" component="section" aria-labelledby="votes-title">
          <Group justify="space-between">
            <Title order={2} size="h3" id="votes-title">
              {t('page.votes')}
            </Title>
            {canManage && (
              <Button size="xs" onClick={() => setVoteForm({ vote: null })}>
                {t('vote.create')}
              </Button>
            )}
          </Group>
          {d.votes.length === 0 && <Text size="sm">{t('page.noVotes')}</Text>}
          {[...d.votes].reverse().map((v) => (
            <VotePanel
              key={v.id}
              congressId={congressId}
              vote={v}
              bases={d.bases}
              canManage={canManage}
              onEdit={() => setVoteForm({ vote: v })}
              onProject={() => project.mutate({ kind: 'vote', id: v.id })}
              projected={projected('vote', v.id)}
            />
          ))}
        </Stack>
        <Stack gap="sm">
          <Stack gap="sm" component="section" aria-labelledby="elections-title">
            <Group justify="space-between">
              <Title order={2} size="h3" id="elections-title">
                {t('page.elections')}
              </Title>
              {canManage && (
                <Button size="xs" onClick={() => setElectionForm({ election: null })}>
                  {t('election.create')}
                </Button>
              )}
            </Group>
            {d.elections.length === 0 && <Text size="sm">{t('page.noElections')}</Text>}
            {[...d.elections].reverse().map((e) => (
              <ElectionPanel
                key={e.id}
                congressId={congressId}
                election={e}
                bases={d.bases}
                kind={d.congress.kind}
                canManage={canManage}
                onEdit={() => setElectionForm({ election: e })}
                onProject={() => project.mutate({ kind: 'election', id: e.id })}
                projected={projected('election', e.id)}
                preparedRounds={d.elections.filter((x) => x.previousElectionId === e.id).length}
              />
            ))}
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="appointments-title">
            <Group justify="space-between">
              <Title order={2} size="h3" id="appointments-title">
                {t('page.appointments')}
              </Title>
              {canManage && (
                <Button size="xs" variant="light" onClick={() => setAppointmentForm({ appointment: null })}>
                  {t('appointment.create')}
                </Button>
              )}
            </Group>
            {d.appointments.length === 0 && <Text size="sm">{t('page.noAppointments')}</Text>}
            {d.appointments.map((a) => (
              <AppointmentCard key={a.id} a={a} canManage={canManage} onAnnounce={() => project.mutate({ kind: 'appointment', id: a.id })} onEdit={() => setAppointmentForm({ appointment: a })} projected={projected('appointment', a.id)} />
            ))}
          </Stack>
        </Stack>
      </SimpleGrid>
      {voteForm && <VoteForm congressId={congressId} bases={d.bases} vote={voteForm.vote} opened onClose={() => setVoteForm(null)} />}
      {electionForm && <ElectionForm congressId={congressId} election={electionForm.election} opened onClose={() => setElectionForm(null)} />}
      {appointmentForm && <AppointmentForm congressId={congressId} appointment={appointmentForm.appointment} opened onClose={() => setAppointmentForm(null)} />}
    </Stack>
  );
}
