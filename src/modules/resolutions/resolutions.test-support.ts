// Shared by the resolution route tests: a target as the API takes it (80% by 2030 from 40% at the end of 2025), with changes.

export const sampleTarget = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  unit: '%',
  direction: 'reach_by',
  area: 'economy',
  baselineValue: 40,
  baselineDate: '2025-12-31',
  targetValue: 80,
  deadline: '2030-12-31',
  ...extra,
});
