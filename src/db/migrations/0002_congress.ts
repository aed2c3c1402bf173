import type { Kysely } from 'kysely';
import { idColumn, type MigrationContext } from './helpers.js';

// The congress room: congresses, seats, delegates and their tokens, check-ins, agenda, speakers, notices,
// documents, and the per-congress event log the realtime hub replays.
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('congresses')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('term', 'text')
    .addColumn('venue', 'text')
    .addColumn('motto', 'text')
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('planned_seats', 'integer')
    .addColumn('ex_officio_seats', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quorum_numerator', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('quorum_denominator', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('current_agenda_item_id', 'integer')
    .addColumn('projector_json', 'text', (c) => c.notNull())
    // the last event sequence number; incremented in the transaction that writes the event
    .addColumn('event_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('congresses_org').on('congresses').column('org_id').execute();

  await db.schema
    .createTable('congress_sessions')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .execute();
  await db.schema.createIndex('congress_sessions_congress').on('congress_sessions').column('congress_id').execute();

  await db.schema
    .createTable('seat_allocations')
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('members', 'integer', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('seat_allocations_pk', ['congress_id', 'org_id'])
    .execute();

  await db.schema
    .createTable('delegates')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('unit_org_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('class', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('replaces_delegate_id', 'integer', (c) => c.references('delegates.id'))
    .addColumn('replacement_decided_by', 'text')
    .addColumn('replacement_reason', 'text')
    .addColumn('replaced_at', 'text')
    .addColumn('eligibility_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('delegates_congress_member', ['congress_id', 'member_id'])
    .addUniqueConstraint('delegates_congress_number', ['congress_id', 'number'])
    .execute();

  await db.schema
    .createTable('delegate_tokens')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('delegate_id', 'integer', (c) => c.notNull().references('delegates.id').onDelete('cascade'))
    // sha256 of the token: the plain token exists only on the printed card
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('delegate_tokens_delegate').on('delegate_tokens').column('delegate_id').execute();

  await db.schema
    .createTable('checkins')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('delegate_id', 'integer', (c) => c.notNull().references('delegates.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'integer')
    // two scans of one card make one check-in
    .addUniqueConstraint('checkins_congress_delegate', ['congress_id', 'delegate_id'])
    .execute();

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('session_id', 'integer', (c) => c.references('congress_sessions.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agenda_items_congress').on('agenda_items').columns(['congress_id', 'position']).execute();

  await db.schema
    .createTable('speakers')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'integer', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('delegate_id', 'integer', (c) => c.references('delegates.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('limit_seconds', 'integer')
    .addColumn('elapsed_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('running_since', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('speakers_congress').on('speakers').columns(['congress_id', 'position']).execute();

  await db.schema
    .createTable('congress_notices')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('congress_notices_congress').on('congress_notices').column('congress_id').execute();

  await db.schema
    .createTable('congress_documents')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('body_html', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_type', 'text')
    .addColumn('file_size', 'integer')
    // base64 text rather than a blob: the portable NDJSON backup restores it unchanged into either engine
    .addColumn('file_base64', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('congress_documents_congress').on('congress_documents').column('congress_id').execute();

  await db.schema
    .createTable('congress_events')
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('congress_events_pk', ['congress_id', 'seq'])
    .execute();
}
