import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './helpers.js';

// One figure in force per target and period (issue 5 review): concurrent saves could each mark the previous figure
// replaced and insert their own, leaving several current rows. Earlier duplicates keep only the latest entered as
// current (the others stay in the history), then a partial unique index makes the rule the database's.
export async function up(db: Kysely<any>, _ctx: MigrationContext): Promise<void> {
  await sql`
    update target_figures set current = 0
    where current = 1 and exists (
      select 1 from target_figures later
      where later.target_id = target_figures.target_id and later.period = target_figures.period and later.current = 1 and later.id > target_figures.id
    )`.execute(db);
  await sql`create unique index target_figures_one_current on target_figures (target_id, period) where current = 1`.execute(db);
}
