// Migration 0015 on a database that held elections before it: the surplus the regulation gives each body is filled in
// (10%–30% for the executive and standing committees, none for the others) and the (verify) rules take their defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshDatabase, testEngines } from '../../db/test-harness.js';
import * as m0015 from '../../db/migrations/0015_election_rules.js';

const NOW = '2025-08-01T00:00:00.000Z';

for (const engine of testEngines) {
  test(`0015 fills in the rules of elections prepared before it [${engine}]`, async () => {
    const h = await freshDatabase(engine);
    try {
      // as before 0015
      for (const column of ['surplus_min_percent', 'surplus_max_percent', 'tie_at_last_seat', 'fewer_elected']) await sql`alter table elections drop column ${sql.ref(column)}`.execute(h.db);
      const org = await h.db
        .insertInto('organizations')
        .values({ name: 'Đảng bộ xã Thử', search_name: 'dang bo xa thu', kind: 'commune', admin_unit: null, parent_id: null, path: '/', depth: 0, founded_on: '2020-01-01', closed_on: null, created_at: NOW, updated_at: NOW })
        .returning('id')
        .executeTakeFirstOrThrow();
      const congress = await h.db
        .insertInto('congresses')
        .values({ org_id: org.id, title: 'Đại hội', kind: 'delegates', number: null, term: null, venue: null, motto: null, opens_on: '2025-08-01', closes_on: '2025-08-01', status: 'preparing', planned_seats: null, current_agenda_item_id: null, projector_json: '{}', created_at: NOW, updated_at: NOW })
        .returning('id')
        .executeTakeFirstOrThrow();
      const bodies = ['executive_committee', 'standing_committee', 'secretary', 'delegation'] as const;
      // the columns 0015 adds are not there yet: the row is written without the schema's type
      const raw = h.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
      for (const body of bodies) {
        await raw.insertInto('elections').values({ congress_id: congress.id, body, title: body, seats: 1, alternate_seats: 0, mode: 'paper', status: 'draft', round: 1, previous_election_id: null, created_at: NOW }).execute();
      }
      await m0015.up(h.db, { engine });
      const rows = await h.db.selectFrom('elections').select(['body', 'surplus_min_percent', 'surplus_max_percent', 'tie_at_last_seat', 'fewer_elected']).orderBy('id').execute();
      assert.deepEqual(
        rows.map((r) => [r.body, r.surplus_min_percent, r.surplus_max_percent, r.tie_at_last_seat, r.fewer_elected]),
        [
          ['executive_committee', 10, 30, 'further_round', 'vote_again'],
          ['standing_committee', 10, 30, 'further_round', 'vote_again'],
          ['secretary', 0, null, 'further_round', 'vote_again'],
          ['delegation', 0, null, 'further_round', 'vote_again'],
        ],
      );
    } finally {
      await h.drop();
    }
  });
}
