import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** the server's message (Vietnamese already); field problems listed when the server gives them */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as { message?: unknown }[]) : [];
  const lines = details.map((d) => (typeof d?.message === 'string' ? d.message : null)).filter((m): m is string => !!m && m !== message);
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      {message}
      {lines.length > 0 && lines.length <= 20 && (
        <List size="sm" mt="xs">
          {lines.map((l, i) => (
            <List.Item key={i}>{l}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
