import type { Kysely } from 'kysely';
import type { MigrationContext } from './helpers.js';

// The (verify) rules of RULES.md become the congress's decision per election, with the regulation's values as defaults:
// the minimum and maximum surplus (percent of the seats; no maximum: null), what a tie at the last seat leads to, and
// what happens when fewer are elected than seats. The surplus applies by default to the executive and standing
// committees only (Quy chế 190): elections of the other bodies prepared before keep no minimum and no maximum.
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  // one column per statement: SQLite adds one column at a time
  await db.schema.alterTable('elections').addColumn('surplus_min_percent', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('elections').addColumn('surplus_max_percent', 'integer').execute();
  await db.schema.alterTable('elections').addColumn('tie_at_last_seat', 'text', (c) => c.notNull().defaultTo('further_round')).execute();
  await db.schema.alterTable('elections').addColumn('fewer_elected', 'text', (c) => c.notNull().defaultTo('vote_again')).execute();
  await db
    .updateTable('elections')
    .set({ surplus_min_percent: 10, surplus_max_percent: 30 })
    .where('body', 'in', ['executive_committee', 'standing_committee'])
    .execute();
}
