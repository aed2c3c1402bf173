import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// filled badges with dark backgrounds: white text stays above 4.5:1 contrast
export function StatusBadge({ probationary }: { probationary: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={probationary ? '#8f3b00' : '#0b6b4f'} style={{ flex: 'none' }}>
      {probationary ? t('members.probationary') : t('members.official')}
    </Badge>
  );
}
