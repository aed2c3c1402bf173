import { useMediaQuery } from '@mantine/hooks';

/** narrow screens get full-screen dialogs */
export function useIsPhone(): boolean {
  return useMediaQuery('(max-width: 36em)') ?? false;
}
