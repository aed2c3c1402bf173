import type { Kysely } from 'kysely';
import { idColumn, type MigrationContext, binaryText } from './helpers.js';

// Accounts, audit, the organisation tree with its history, and the member registry.
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('admin_unit', 'text')
    .addColumn('parent_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('path', binaryText(ctx), (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('founded_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('direct_member_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organizations_path').on('organizations').column('path').execute();
  await db.schema.createIndex('organizations_parent').on('organizations').column('parent_id').execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('role_grants_user').on('role_grants').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('org_id', 'integer')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

  await db.schema
    .createTable('org_periods')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema.createIndex('org_periods_org').on('org_periods').columns(['org_id', 'valid_from']).execute();
  await db.schema.createIndex('org_periods_parent').on('org_periods').columns(['parent_id', 'valid_from']).execute();

  await db.schema
    .createTable('restructuring_events')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('decision_issuer', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();
  await db.schema
    .createTable('restructuring_event_orgs')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('restructuring_events.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('restructuring_event_orgs_pk', ['event_id', 'org_id', 'role'])
    .execute();
  await db.schema.createIndex('restructuring_event_orgs_org').on('restructuring_event_orgs').column('org_id').execute();

  await db.schema
    .createTable('members')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('sort_key', binaryText(ctx), (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('ethnicity', 'text', (c) => c.notNull())
    .addColumn('religion', 'text')
    .addColumn('hometown', 'text')
    .addColumn('education', 'text')
    .addColumn('theory_level', 'text')
    .addColumn('admitted_on', 'text', (c) => c.notNull())
    .addColumn('official_on', 'text')
    .addColumn('card_number', 'text', (c) => c.unique())
    .addColumn('position', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('left_reason', 'text')
    .addColumn('left_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('members_org_sort').on('members').columns(['org_id', 'sort_key']).execute();

  await db.schema
    .createTable('member_periods')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('event_id', 'integer')
    .execute();
  await db.schema.createIndex('member_periods_member').on('member_periods').columns(['member_id', 'valid_from']).execute();
  await db.schema.createIndex('member_periods_org').on('member_periods').columns(['org_id', 'valid_from']).execute();

}
