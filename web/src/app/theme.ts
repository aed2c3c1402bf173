import { createTheme, type MantineColorsTuple } from '@mantine/core';

// a deep Party red, dark enough for white text to meet WCAG AA at shade 7
const partyRed: MantineColorsTuple = ['#ffeaea', '#fdd3d3', '#f6a5a4', '#f07372', '#ea4947', '#e72f2c', '#d8201d', '#b3130f', '#a00b0a', '#8c0004'];

export const theme = createTheme({
  primaryColor: 'partyRed',
  primaryShade: 7,
  colors: { partyRed },
  fontFamily: '"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: '"Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  defaultRadius: 'sm',
});
