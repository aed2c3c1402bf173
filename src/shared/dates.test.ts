import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateVi } from './dates.js';

test('ISO dates are written day/month/year; anything else is left as it is', () => {
  assert.equal(formatDateVi('2025-07-01'), '01/07/2025');
  assert.equal(formatDateVi('1930-02-03'), '03/02/1930');
  assert.equal(formatDateVi('2025-7-1'), '2025-7-1');
  assert.equal(formatDateVi(''), '');
});
