// Migrations are never edited once they have landed (a database that ran the old text never runs the new one): each
// landed migration's text is pinned here by its SHA-256. A new migration is pinned when it lands; a change to a pinned
// one fails this test — write a new migration instead (as 0012 repaired the edits made to 0004 and 0006).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { migrations } from './migrations/index.js';
import * as repair from './migrations/0012_repair_edited_migrations.js';
import { freshDatabase, testEngines } from './test-harness.js';

const LANDED: Record<string, string> = {
  '0001_foundation': 'c163a404b764b75ead8377438fe2f1295c81b41cae475e17e5db9e2cf434d612',
  '0002_congress': '20f84d1b65dd0468e5d35e28d64963433d402b87a239535d340e2136dc2c4962',
  '0003_resolutions': 'f7fb5e79becbf1bb0e9c430140024be034c8fe0c6f30b73f8158383a7f47d6fe',
  '0004_member_search_index': 'aa4b36b54ff77d759e0f9fc7f7d0328c525213f3019fa38be38c322ababa6fbc',
  '0005_resolution_study': '5c10b5aa9fe08b1c444a0bf0e3663b998b812d0a47423ef231e9b8d7669dde52',
  '0006_voting': '19b4de4ee3327f5a30f9170160878779f3c1180454b8e8bf50a42d39fee308fe',
  '0007_notifications': 'f7e0c0d1e9de4f84b56c88039498dbc4986a5e1a649d4b87056922a894fb187e',
  '0008_settings': 'e916cafd12780a9d746b80e24a6adaea5358521fc9aed83ea6cce3d5b6f2bc1c',
  '0009_member_photos': '920cda3566486cf91c58687997280fe45af63f49d5e7c5709507c114edcb99eb',
  '0010_member_study_cards': '2ebd75f5f78f158beaa585da928277200ca92c2fa0b143271e188929ff1ce229',
  '0011_congress_working_bodies': 'bb163caf08455bc528601b14635103a01f80dda644956cab7e12165bd94cbd1e',
  '0012_repair_edited_migrations': '843cda948ffb36bab6a8efa82beaef65e798c54ca0867a6cd299d409e5728a80',
  '0013_election_surplus_rounding': '274d396e6afe0cfc5703838b61f10f63df77173d8b9840f62e74078a52267fa3',
  '0014_target_figure_one_current': 'd313d58decdf0e0a08dcb97cf8e1f851dbe8d3f58df8891436e52dfe48928570',
  '0015_election_rules': 'ff1eeffec0b77353e52161349492be5cae45f635ff38db743036ed4b9251fd95',
  '0017_member_subtree_search': '03556046f63b95ba080ec842b243dfe9ea58a71720f4152daeb81247790a207f',
  '0018_task_evidence_files': '98fe99e261a99c8e52a78b7ff2b84712821d4998a9626e120bf1d70abf9dc52c',
};

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const hashOf = (name: string) => crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, `${name}.ts`), 'utf8').replace(/\r\n/g, '\n')).digest('hex');

test('every migration is pinned, and no pinned migration has been edited', () => {
  assert.deepEqual(
    migrations.map((m) => m.name),
    Object.keys(LANDED),
    'the migrations run are exactly the pinned ones, in order (pin a new migration here when it lands)',
  );
  for (const [name, hash] of Object.entries(LANDED)) assert.equal(hashOf(name), hash, `${name} was edited after it landed: write a new migration instead`);
});

for (const engine of testEngines) {
  test(`0012 gives a database migrated before the edits to 0004 and 0006 what they added, and changes nothing else [${engine}]`, async () => {
    const db = await freshDatabase(engine);
    try {
      const hasColumn = async () => (await db.db.selectFrom('elections').select('ballots_issued').limit(1).execute().then(() => true, () => false));
      const hasIndex = async () =>
        engine !== 'postgres' || (await sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'members_search_word_list' and schemaname = current_schema()`.execute(db.db)).rows[0].n === 1;
      assert.ok((await hasColumn()) && (await hasIndex()), 'a fresh database has both');
      // as before the edits
      await sql`alter table elections drop column ballots_issued`.execute(db.db);
      if (engine === 'postgres') await sql`drop index members_search_word_list`.execute(db.db);
      assert.equal(await hasColumn(), false);
      await repair.up(db.db, { engine });
      assert.ok((await hasColumn()) && (await hasIndex()), 'repaired');
      await repair.up(db.db, { engine });
      assert.ok(await hasColumn(), 'running it again changes nothing');
    } finally {
      await db.drop();
    }
  });
}
