import type { NumberedMigration } from './helpers.js';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_congress.js';
import * as m0003 from './0003_resolutions.js';
import * as m0004 from './0004_member_search_index.js';
import * as m0005 from './0005_resolution_study.js';
import * as m0006 from './0006_voting.js';
import * as m0007 from './0007_notifications.js';
import * as m0008 from './0008_settings.js';
import * as m0009 from './0009_member_photos.js';
import * as m0010 from './0010_member_study_cards.js';
import * as m0011 from './0011_congress_working_bodies.js';
import * as m0012 from './0012_repair_edited_migrations.js';
import * as m0013 from './0013_election_surplus_rounding.js';
import * as m0014 from './0014_target_figure_one_current.js';
import * as m0015 from './0015_election_rules.js';
import * as m0017 from './0017_member_subtree_search.js';
import * as m0018 from './0018_task_evidence_files.js';

// Forward-only and numbered; a landed migration is never edited, a change is a new number.
export const migrations: NumberedMigration[] = [
  { name: '0001_foundation', up: m0001.up },
  { name: '0002_congress', up: m0002.up },
  { name: '0003_resolutions', up: m0003.up },
  { name: '0004_member_search_index', up: m0004.up },
  { name: '0005_resolution_study', up: m0005.up },
  { name: '0006_voting', up: m0006.up },
  { name: '0007_notifications', up: m0007.up },
  { name: '0008_settings', up: m0008.up },
  { name: '0009_member_photos', up: m0009.up },
  { name: '0010_member_study_cards', up: m0010.up },
  { name: '0011_congress_working_bodies', up: m0011.up },
  { name: '0012_repair_edited_migrations', up: m0012.up },
  { name: '0013_election_surplus_rounding', up: m0013.up },
  { name: '0014_target_figure_one_current', up: m0014.up },
  { name: '0015_election_rules', up: m0015.up },
  { name: '0017_member_subtree_search', up: m0017.up },
  { name: '0018_task_evidence_files', up: m0018.up },
];
