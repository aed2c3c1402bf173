import type { NumberedMigration } from './helpers.js';
import * as m0001 from './0001_foundation.js';

// Forward-only and numbered; a landed migration is never edited, a change is a new number.
export const migrations: NumberedMigration[] = [{ name: '0001_foundation', up: m0001.up }];
