import type { Kysely } from 'kysely';
import type { MigrationContext } from './helpers.js';

// The congress decides how the 30% maximum surplus rounds for its elections (RULES.md "Surplus of candidates": the
// maximum is decided by the congress): 'down' reads "không quá 30%" strictly, 'up' lets a small body (3 seats) or a
// single seat have one more candidate.
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('elections').addColumn('surplus_rounding', 'text', (c) => c.notNull().defaultTo('down')).execute();
}
