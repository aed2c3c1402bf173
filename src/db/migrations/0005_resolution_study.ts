import type { Kysely } from 'kysely';
import { idColumn, type MigrationContext } from './helpers.js';

// Studying a resolution (học tập, quán triệt — issue 5): sessions held by a unit for one resolution,
// and who attended each one (imported from a list, checked in by QR, or ticked by hand).
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('resolution_study_sessions')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('resolution_id', 'integer', (c) => c.notNull().references('resolutions.id'))
    // the unit holding the session: the resolution's own organisation or one inside its subtree
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resolution_study_sessions_resolution').on('resolution_study_sessions').columns(['resolution_id', 'held_on']).execute();
  await db.schema.createIndex('resolution_study_sessions_org').on('resolution_study_sessions').column('org_id').execute();

  await db.schema
    .createTable('resolution_study_attendance')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('resolution_study_sessions.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('recorded_via', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('resolution_study_attendance_once', ['session_id', 'member_id'])
    .execute();
  await db.schema.createIndex('resolution_study_attendance_member').on('resolution_study_attendance').column('member_id').execute();
}
