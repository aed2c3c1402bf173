import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { idColumn, type MigrationContext } from './helpers.js';

// Votes and elections (issue 4): open votes, secret-ballot elections, the roster of who voted, ballots with no link to
// a voter, paper-ballot entries by the counting committee, appointment decisions, and the organisation's leadership.
export async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
  // SQLite keeps an ordered hidden rowid in ordinary tables; ballots and the roster have none, so storage order is the key order
  const withoutRowid = (b: CreateTableBuilder<string, never>) => (ctx.engine === 'sqlite' ? b.modifyEnd(sql`without rowid`) : b).execute();

  await db.schema
    .createTable('open_votes')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'integer', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('allows_other', 'integer', (c) => c.notNull())
    .addColumn('named', 'integer', (c) => c.notNull())
    .addColumn('rule_numerator', 'integer', (c) => c.notNull())
    .addColumn('rule_denominator', 'integer', (c) => c.notNull())
    .addColumn('rule_base', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // counted show of hands, entered by the secretariat (JSON {for, against, other}); null while voting on phones
    .addColumn('hand_counts_json', 'text')
    .addColumn('result_json', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_votes_congress').on('open_votes').column('congress_id').execute();

  await db.schema
    .createTable('elections')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('alternate_seats', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('previous_election_id', 'integer', (c) => c.references('elections.id'))
    // frozen at close: the base of the threshold, the members' congress exclusions, the tally
    .addColumn('base', 'integer')
    .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ballots_issued', 'integer')
    .addColumn('tally_json', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('elections_congress').on('elections').column('congress_id').execute();

  await db.schema
    .createTable('election_candidates')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('election_candidates_election').on('election_candidates').column('election_id').execute();

  // who has voted: one row per voter per vote or election (the constraint that makes one ballot per delegate); no time, no order
  await withoutRowid(
    db.schema
      .createTable('voter_roster')
      .addColumn('poll_kind', 'text', (c) => c.notNull())
      .addColumn('poll_id', 'integer', (c) => c.notNull())
      .addColumn('delegate_id', 'integer', (c) => c.notNull().references('delegates.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('voter_roster_pk', ['poll_kind', 'poll_id', 'delegate_id']) as CreateTableBuilder<string, never>,
  );
  // the ballots cast on phones: keyed by a random receipt code; no voter, no time (a named open vote carries its voter)
  await withoutRowid(
    db.schema
      .createTable('cast_ballots')
      .addColumn('poll_kind', 'text', (c) => c.notNull())
      .addColumn('poll_id', 'integer', (c) => c.notNull())
      .addColumn('receipt_code', 'text', (c) => c.notNull())
      // sha256 of the ballot id the phone generated: a resubmitted ballot is recognised, not counted twice
      .addColumn('client_hash', 'text', (c) => c.notNull())
      .addColumn('choice_json', 'text', (c) => c.notNull())
      .addColumn('named_delegate_id', 'integer', (c) => c.references('delegates.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('cast_ballots_pk', ['poll_kind', 'poll_id', 'receipt_code'])
      .addUniqueConstraint('cast_ballots_client', ['poll_kind', 'poll_id', 'client_hash']) as CreateTableBuilder<string, never>,
  );

  await db.schema
    .createTable('paper_ballot_entries')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('election_id', 'integer', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('clerk', 'text', (c) => c.notNull())
    .addColumn('ballot_no', 'integer', (c) => c.notNull())
    .addColumn('ballot_json', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('paper_ballot_entries_no', ['election_id', 'clerk', 'ballot_no'])
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('congress_id', 'integer', (c) => c.notNull().references('congresses.id').onDelete('cascade'))
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('announced_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointments_congress').on('appointments').column('congress_id').execute();

  // the leadership of an organisation for a term: from an election result or an appointment decision
  await db.schema
    .createTable('org_leaders')
    .addColumn('id', idColumn(ctx), (c) => c.primaryKey())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('term', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .execute();
  await db.schema.createIndex('org_leaders_org').on('org_leaders').columns(['org_id', 'body']).execute();
  await db.schema.createIndex('org_leaders_source').on('org_leaders').columns(['source_kind', 'source_id']).execute();
}
