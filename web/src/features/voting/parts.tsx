import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NS } from './i18n';
import { formatPercent, nextStepText } from './lib';
import type { Election, ElectionTally, OpenVote, PollStatus } from './types';

export function StatusBadge({ status }: { status: PollStatus }) {
  const { t } = useTranslation(NS);
  const color = status === 'open' ? '#0b6b4f' : status === 'closed' ? 'gray.7' : 'blue.8';
  return (
    <Badge color={color} variant={status === 'draft' ? 'outline' : 'filled'} style={{ flex: 'none', overflow: 'visible' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** "more than 1/2 of the official delegates convened (150)" */
export function ruleText(t: (k: string, o?: Record<string, unknown>) => string, rule: OpenVote['rule'], size?: number): string {
  return t('rule.text', { share: `${rule.numerator}/${rule.denominator}`, base: t(`base.${rule.base}`), size: size ?? '' }).replace(' ()', '');
}

/** the result of an open vote: counts, shares of the base, required, adopted */
export function VoteResultView({ vote }: { vote: OpenVote }) {
  const { t, i18n } = useTranslation(NS);
  const r = vote.result;
  if (!r) return null;
  const rows: ['for' | 'against' | 'other', string][] = [
    ['for', 'teal.8'],
    ['against', 'red.8'],
    ...(vote.allowsOther ? ([['other', 'gray.6']] as ['other', string][]) : []),
  ];
  return (
    <Stack gap={6} data-testid={`vote-result-${vote.id}`}>
      <Group gap="xs">
        <Badge size="lg" color={r.adopted ? '#0b6b4f' : '#a00b0a'} variant="filled">
          {r.adopted ? t('result.adopted') : t('result.notAdopted')}
        </Badge>
        {r.method && (
          <Text size="xs" c="dimmed">
            {t(`result.method.${r.method}`)}
          </Text>
        )}
      </Group>
      {rows.map(([k, color]) => (
        <div key={k}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">{t(`choice.${k}`)}</Text>
            <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {r.counts[k]} · {formatPercent(r.percentOfBase[k], i18n.language)}
            </Text>
          </Group>
          <Progress value={Math.min(100, r.percentOfBase[k])} color={color} aria-hidden />
        </div>
      ))}
      <Text size="sm" c="dimmed">
        {t('result.baseLine', { base: t(`base.${r.base.kind}`), size: r.base.size, required: r.required, cast: r.cast })}
      </Text>
    </Stack>
  );
}

const OUTCOME_COLOR: Record<string, string> = { elected: '#0b6b4f', elected_alternate: 'blue.8', tied: '#8f3b00', not_elected: 'gray.7' };

/** the ranked table of an election's tally */
export function TallyTable({ election, tally }: { election: Pick<Election, 'body' | 'seats' | 'alternateSeats'>; tally: ElectionTally }) {
  const { t, i18n } = useTranslation(NS);
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('tally.summary', { base: tally.base, threshold: tally.threshold, total: tally.ballots.total, valid: tally.ballots.valid, invalid: tally.ballots.invalid })}
      </Text>
      <Table.ScrollContainer minWidth={280}>
        <Table striped aria-label={t('tally.table')} data-testid="tally-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('tally.name')}</Table.Th>
              <Table.Th className="num">{t('tally.votes')}</Table.Th>
              <Table.Th className="num" visibleFrom="sm">
                {t('tally.percentValid')}
              </Table.Th>
              <Table.Th className="num" visibleFrom="sm">
                {t('tally.percentBase')}
              </Table.Th>
              <Table.Th>{t('tally.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tally.candidates.map((c, i) => (
              <Table.Tr key={c.candidateId}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td fw={c.outcome === 'elected' ? 700 : undefined}>{c.fullName}</Table.Td>
                <Table.Td className="num">{c.votes}</Table.Td>
                <Table.Td className="num" visibleFrom="sm">
                  {formatPercent(c.percentOfValid, i18n.language)}
                </Table.Td>
                <Table.Td className="num" visibleFrom="sm">
                  {formatPercent(c.percentOfBase, i18n.language)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={c.outcome === 'not_elected' ? 400 : 700} c={OUTCOME_COLOR[c.outcome]}>
                    {t(`outcome.${election.body === 'delegation' && c.outcome === 'elected' ? 'elected_official' : c.outcome}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {tally.invalidBallots.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            {t('tally.invalidBallots')}
          </Text>
          {tally.invalidBallots.map((b) => (
            <Text size="sm" key={b.ballotNo}>
              {t('tally.ballotNo', { no: b.ballotNo })}: {b.problems.map((p) => p.message).join('; ')}
            </Text>
          ))}
        </Stack>
      )}
      {tally.nextStep !== 'done' && (
        <Text size="sm" c="#8f3b00" fw={600} role="status">
          {nextStepText(t, election.body, tally)}
        </Text>
      )}
    </Stack>
  );
}
