// What every restructuring form shares: the modal (full screen on a phone), the deciding document and effective date,
// the check of both before sending, and the refresh of what the event changed.
import { useRef, useState, type ReactNode } from 'react';
import { Button, Fieldset, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { checkDecisionDate, isDecisionNumber } from '../../../../src/modules/orgs/orgs.rules';
import { PARTY_FOUNDED_ON } from '../../../../src/shared/dates';
import { ErrorAlert } from '../../app/ErrorAlert';
import { formatDate, todayInVietnam } from '../../app/format';
import { useIsPhone } from '../../app/useIsPhone';
import { RS_NS } from './restructure-i18n';
import type { OrgDetail } from './types';

/** field → Vietnamese problem, shown under the field */
export type Problems = Record<string, string>;

/** what the page shows once an event is recorded: a sentence and the organisations it created */
export interface Notice {
  text: string;
  links?: { id: number; name: string }[];
}

export interface FormProps {
  org: OrgDetail;
  onClose: () => void;
  onDone: (notice: Notice) => void;
}

export interface DecisionValues {
  number: string;
  date: string;
  issuer: string;
  effectiveOn: string;
  note: string;
}

/** the part of every restructuring request the decision fields fill */
export interface CommonBody {
  effectiveOn: string;
  decision?: { number: string | null; date: string | null; issuer: string | null };
  note: string | null;
}

/** "2314 – qđ/tu" → "2314-QĐ/TU": a decision number as the Party writes it (one kind of dash, so it is found again), however it was typed */
export function normaliseDecisionNumber(s: string): string {
  const compact = s.normalize('NFC').replace(/\s+/g, '').replace(/[–—]/g, '-').toUpperCase();
  // symbols and issuers are capitals but for the programme's "CTr" (Hướng dẫn 36-HD/VPTW)
  return compact.replace(/^(\d+-)CTR\//, '$1CTr/');
}

function decisionProblems(v: DecisionValues, t: (key: string, values?: Record<string, string>) => string): Problems {
  const p: Problems = {};
  const number = normaliseDecisionNumber(v.number);
  if (number && !isDecisionNumber(number)) p.number = t('decision.numberInvalid');
  // the server's rule, so the clerk is told before sending
  const dateProblem = checkDecisionDate(v.date || null, todayInVietnam());
  if (dateProblem) p.date = t(dateProblem.code === 'DECISION_DATE_IN_FUTURE' ? 'decision.dateFuture' : 'decision.dateBeforeParty', { date: formatDate(PARTY_FOUNDED_ON) });
  if (!v.effectiveOn) p.effectiveOn = t('decision.effectiveOnRequired');
  else if (v.effectiveOn > todayInVietnam()) p.effectiveOn = t('decision.effectiveOnFuture');
  return p;
}

function commonBody(v: DecisionValues): CommonBody {
  const number = normaliseDecisionNumber(v.number) || null;
  const issuer = v.issuer.trim() || null;
  const date = v.date || null;
  return { effectiveOn: v.effectiveOn, ...(number || date || issuer ? { decision: { number, date, issuer } } : {}), note: v.note.trim() || null };
}

/** the start of the organisation's current state: no event may be dated before it */
export const currentSince = (org: OrgDetail) => org.names.at(-1)?.from ?? org.foundedOn;

/** after an event, the trees, organisation pages, pickers and member lists it touched are read again */
export function refreshAfterRestructure(client: QueryClient) {
  return Promise.all(['org', 'orgs', 'members', 'member'].map((key) => client.invalidateQueries({ queryKey: [key] })));
}

/**
 * A restructuring form's state and submission: `check` adds the form's own problems to those of the decision fields;
 * nothing is sent while there is one.
 */
export function useRestructureForm<R>(send: (common: CommonBody) => Promise<R>, onSuccess: (result: R) => void, check: () => Problems = () => ({})) {
  const { t } = useTranslation(RS_NS);
  const client = useQueryClient();
  const [decision, setDecision] = useState<DecisionValues>(() => ({ number: '', date: '', issuer: '', effectiveOn: todayInVietnam(), note: '' }));
  const [problems, setProblems] = useState<Problems>({});
  const mutation = useMutation({
    mutationFn: () => send(commonBody(decision)),
    onSuccess: async (result) => {
      await refreshAfterRestructure(client);
      onSuccess(result);
    },
  });
  const submit = () => {
    const found = { ...decisionProblems(decision, t), ...check() };
    setProblems(found);
    if (Object.keys(found).length) return false;
    mutation.mutate();
    return true;
  };
  return { decision, setDecision, problems, modal: { onSubmit: submit, pending: mutation.isPending, error: mutation.error } };
}

/** the deciding document (number, date, issuer), the effective date and a note */
export function DecisionFields({ value, onChange, problems, since }: { value: DecisionValues; onChange: (v: DecisionValues) => void; problems: Problems; since?: string }) {
  const { t } = useTranslation(RS_NS);
  const set = (key: keyof DecisionValues) => (e: { currentTarget: { value: string } }) => onChange({ ...value, [key]: e.currentTarget.value });
  return (
    <>
      <Fieldset legend={t('decision.legend')} p="sm">
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            {t('decision.hint')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('decision.number')}
              placeholder={t('decision.numberPlaceholder')}
              value={value.number}
              onChange={set('number')}
              onBlur={() => onChange({ ...value, number: normaliseDecisionNumber(value.number) })}
              error={problems.number}
              maxLength={40}
              autoComplete="off"
            />
            <TextInput label={t('decision.date')} type="date" value={value.date} onChange={set('date')} min={PARTY_FOUNDED_ON} max={todayInVietnam()} error={problems.date} />
          </SimpleGrid>
          <TextInput label={t('decision.issuer')} placeholder={t('decision.issuerPlaceholder')} value={value.issuer} onChange={set('issuer')} maxLength={200} />
        </Stack>
      </Fieldset>
      <TextInput
        label={t('decision.effectiveOn')}
        type="date"
        required
        value={value.effectiveOn}
        onChange={set('effectiveOn')}
        min={since}
        max={todayInVietnam()}
        description={since ? t('decision.effectiveOnHint', { date: formatDate(since) }) : undefined}
        error={problems.effectiveOn}
      />
      <Textarea label={t('decision.note')} value={value.note} onChange={set('note')} autosize minRows={2} maxRows={6} maxLength={2000} />
    </>
  );
}

/** the dialog of one restructuring form: its fields, the server's refusal if any, cancel and confirm */
export function RestructureModal({
  title,
  submitLabel,
  onClose,
  onSubmit,
  pending,
  error,
  danger,
  children,
}: {
  title: string;
  submitLabel: string;
  onClose: () => void;
  /** false when the form found a problem: the first field in error gets the focus */
  onSubmit: () => boolean;
  pending: boolean;
  error: unknown;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const form = useRef<HTMLFormElement>(null);
  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={isPhone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!onSubmit()) requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
        }}
      >
        <Stack gap="sm">
          {children}
          <ErrorAlert error={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
