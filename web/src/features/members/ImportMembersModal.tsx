import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, upload } from '../../app/api';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useIsPhone } from '../../app/useIsPhone';
import type { ImportProblem } from './types';
import { IMPORT_NS } from './import-i18n';

type State =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number; uploadedAt?: number }
  | { step: 'done'; imported: number }
  | { step: 'failed'; error: unknown; problems: ImportProblem[] };

export function ImportMembersModal({ opened, onClose, orgId, orgName }: { opened: boolean; onClose: () => void; orgId: number; orgName: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const isPhone = useIsPhone();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const { t: ti } = useTranslation(IMPORT_NS);
  // once the file is up, the server reads, checks and writes every row in one transaction: count the seconds meanwhile
  const [now, setNow] = useState(() => Date.now());
  const serverWorking = state.step === 'uploading' && state.uploadedAt !== undefined;
  useEffect(() => {
    if (!serverWorking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [serverWorking]);

  const close = () => {
    if (state.step === 'uploading') return;
    setFile(null);
    setState({ step: 'idle' });
    onClose();
  };

  const start = async () => {
    if (!file) return;
    setState({ step: 'uploading', percent: 0 });
    try {
      // uploadedAt: the first moment the whole file is up (the browser may say 100% more than once)
      const onProgress = (percent: number) =>
        setState((prev) => ({ step: 'uploading', percent, uploadedAt: percent < 100 ? undefined : (prev.step === 'uploading' && prev.uploadedAt) || Date.now() }));
      const r = await upload<{ imported: number }>(`/api/orgs/${orgId}/members/import`, file, onProgress);
      setState({ step: 'done', imported: r.imported });
      setFile(null);
      await Promise.all([client.invalidateQueries({ queryKey: ['members'] }), client.invalidateQueries({ queryKey: ['org'] })]);
    } catch (e) {
      const problems = e instanceof ApiError && Array.isArray(e.details) ? (e.details as ImportProblem[]).filter((p) => typeof p?.message === 'string') : [];
      setState({ step: 'failed', error: e, problems });
    }
  };

  const uploading = state.step === 'uploading';
  return (
    <Modal opened={opened} onClose={close} title={t('import.title', { org: orgName })} size="xl" fullScreen={isPhone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <Text size="sm">{t('import.intro')}</Text>
        <Text size="xs" c="dimmed">
          {ti('sizeHint')}
        </Text>
        <Anchor href="/api/members/import-template.xlsx" download size="sm">
          {t('members.template')}
        </Anchor>
        <FileInput
          label={t('import.file')}
          placeholder={t('import.choose')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            if (state.step !== 'uploading') setState({ step: 'idle' });
          }}
          clearable
          disabled={uploading}
        />
        {state.step === 'uploading' && (
          <Stack gap={4}>
            <Text size="sm" id="import-progress-label">
              {state.uploadedAt === undefined ? t('import.uploading', { percent: state.percent }) : ti('serverWorking', { seconds: Math.max(0, Math.round((now - state.uploadedAt) / 1000)) })}
            </Text>
            <Progress value={state.percent} animated={state.uploadedAt !== undefined} striped={state.uploadedAt !== undefined} aria-labelledby="import-progress-label" size="lg" />
          </Stack>
        )}
        {state.step === 'done' && (
          <Alert color="teal" variant="light" title={t('import.successTitle')} role="status">
            {t('import.success', { count: state.imported })}
          </Alert>
        )}
        {state.step === 'failed' && (
          <>
            <ErrorAlert error={state.error} title={t('import.failedTitle')} />
            {state.problems.length > 0 && (
              <ScrollArea.Autosize mah={320} type="auto">
                <Table striped withTableBorder stickyHeader aria-label={t('import.problems')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('import.row')}</Table.Th>
                      <Table.Th>{t('import.column')}</Table.Th>
                      <Table.Th>{t('import.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {state.problems.map((p, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{p.row}</Table.Td>
                        <Table.Td>{p.column}</Table.Td>
                        <Table.Td>{p.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
          </>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={uploading}>
            {state.step === 'done' ? t('common.close') : t('common.cancel')}
          </Button>
          <Button onClick={start} disabled={!file} loading={uploading}>
            {t('import.start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
