import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { put } from '../congress/lib';
import { NS } from './i18n';
import { votingKey } from './lib';
import { ruleText } from './parts';
import { OPEN_VOTE_SUBJECTS, type CongressBases, type MajorityRule, type OpenVote, type OpenVoteSubject } from './types';

const BASES: MajorityRule['base'][] = ['convened', 'electionBase', 'present', 'cast'];

/** prepare (or change, before it opens) an open vote: the question, the choices, named or not, the majority and its base */
export function VoteForm({ congressId, bases, vote, opened, onClose }: { congressId: number; bases: CongressBases; vote?: OpenVote | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const client = useQueryClient();
  const [subject, setSubject] = useState<OpenVoteSubject>(vote?.subject ?? 'other');
  const [question, setQuestion] = useState(vote?.question ?? '');
  const [allowsOther, setAllowsOther] = useState(vote?.allowsOther ?? false);
  const [named, setNamed] = useState(vote?.named ?? false);
  const [numerator, setNumerator] = useState<number | string>(vote?.rule.numerator ?? 1);
  const [denominator, setDenominator] = useState<number | string>(vote?.rule.denominator ?? 2);
  const [base, setBase] = useState<MajorityRule['base']>(vote?.rule.base ?? 'convened');
  const save = useMutation({
    mutationFn: () => {
      const body = { subject, question: question.trim(), allowsOther, named, rule: { numerator: Number(numerator), denominator: Number(denominator), base } };
      return vote ? put(`/api/congresses/${congressId}/votes/${vote.id}`, body) : api.post(`/api/congresses/${congressId}/votes`, body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: votingKey(congressId) });
      onClose();
    },
  });
  const size = base === 'cast' ? undefined : bases[base];
  const rule = { numerator: Number(numerator) || 1, denominator: Number(denominator) || 2, base };
  return (
    <Modal opened={opened} onClose={onClose} title={vote ? t('vote.edit') : t('vote.create')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Select label={t('vote.subject')} data={OPEN_VOTE_SUBJECTS.map((s) => ({ value: s, label: t(`subject.${s}`) }))} value={subject} onChange={(v) => v && setSubject(v as OpenVoteSubject)} allowDeselect={false} />
          <Textarea label={t('vote.question')} placeholder={t('vote.questionHint')} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} autosize minRows={2} required minLength={3} maxLength={1000} />
          <Checkbox label={t('vote.allowsOther')} checked={allowsOther} onChange={(e) => setAllowsOther(e.currentTarget.checked)} />
          <Switch label={named ? t('vote.named') : t('vote.anonymous')} description={t('vote.namedHint')} checked={named} onChange={(e) => setNamed(e.currentTarget.checked)} />
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Text size="sm" fw={500} pb={8}>
              {t('rule.moreThan')}
            </Text>
            <NumberInput label={t('rule.numerator')} min={1} max={99} value={numerator} onChange={setNumerator} w={90} />
            <Text pb={8}>/</Text>
            <NumberInput label={t('rule.denominator')} min={2} max={100} value={denominator} onChange={setDenominator} w={90} />
            <Select label={t('rule.base')} data={BASES.map((b) => ({ value: b, label: t(`base.${b}`) }))} value={base} onChange={(v) => v && setBase(v as MajorityRule['base'])} allowDeselect={false} style={{ flex: '1 1 220px' }} />
          </Group>
          <Text size="sm" c="dimmed" data-testid="rule-explained">
            {ruleText(t, rule, size)}. {t(`baseHint.${base}`)}
          </Text>
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={question.trim().length < 3}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
