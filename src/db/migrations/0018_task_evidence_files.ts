import type { Kysely } from 'kysely';
import { idColumn, type MigrationContext } from './helpers.js';

// Evidence documents (minh chứng) of an action programme's task: PDF, Word, Excel or a photo, several per task.
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('task_evidence_files')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('resolution_tasks.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // the type the bytes were recognised as on upload, not the one the browser declared
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // base64 text rather than a blob: the portable NDJSON backup restores it unchanged into either engine
    .addColumn('file_base64', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    // who uploaded it, as target figures keep who entered them: the account (if any) and the name shown
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_evidence_files_task').on('task_evidence_files').column('task_id').execute();
}
