import type { Kysely } from 'kysely';
import { idColumn, type MigrationContext } from './helpers.js';

// Resolution follow-up (issue 5): resolutions with their targets, breakthroughs, key tasks and solution groups;
// action-programme tasks; figures reported per period with their full correction history.
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('resolutions')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('adopted_on', 'text', (c) => c.notNull())
    .addColumn('term_start', 'integer', (c) => c.notNull())
    .addColumn('term_end', 'integer', (c) => c.notNull())
    .addColumn('motto', 'text')
    .addColumn('source_text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resolutions_org').on('resolutions').columns(['org_id', 'adopted_on']).execute();

  await db.schema
    .createTable('resolution_elements')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('resolution_id', 'integer', (c) => c.notNull().references('resolutions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .execute();
  await db.schema.createIndex('resolution_elements_resolution').on('resolution_elements').columns(['resolution_id', 'kind', 'position']).execute();

  await db.schema
    .createTable('resolution_targets')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('resolution_id', 'integer', (c) => c.notNull().references('resolutions.id'))
    // the organisation the resolution belongs to, kept here so a subtree roll-up is one range scan
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('responsible_body', 'text')
    .addColumn('indicator_code', 'text')
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_date', 'text')
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('yearly', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('milestones_json', 'text')
    .addColumn('tolerance', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('source_quote', 'text')
    // the current figure of the latest period, kept in the same transaction as figure writes
    .addColumn('latest_period', 'text')
    .addColumn('latest_as_of', 'text')
    .addColumn('latest_value', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resolution_targets_resolution').on('resolution_targets').columns(['resolution_id', 'position']).execute();
  await db.schema.createIndex('resolution_targets_org').on('resolution_targets').column('org_id').execute();
  await db.schema.createIndex('resolution_targets_indicator').on('resolution_targets').column('indicator_code').execute();

  await db.schema
    .createTable('resolution_tasks')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('resolution_id', 'integer', (c) => c.notNull().references('resolutions.id'))
    .addColumn('target_id', 'integer', (c) => c.references('resolution_targets.id'))
    .addColumn('element_id', 'integer', (c) => c.references('resolution_elements.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('responsible_person', 'text', (c) => c.notNull())
    .addColumn('expected_result', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resolution_tasks_resolution').on('resolution_tasks').column('resolution_id').execute();
  // covers the roll-up's count of tasks by owner, status and lateness
  await db.schema.createIndex('resolution_tasks_owner').on('resolution_tasks').columns(['owner_org_id', 'status', 'due_on']).execute();

  // every figure ever entered: a correction adds a row and marks the one it replaces as no longer current
  await db.schema
    .createTable('target_figures')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('target_id', 'integer', (c) => c.notNull().references('resolution_targets.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('replaces_id', 'integer')
    .addColumn('reason', 'text')
    .addColumn('entered_by', 'integer')
    .addColumn('entered_by_name', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('target_figures_target').on('target_figures').columns(['target_id', 'current', 'as_of']).execute();
}
