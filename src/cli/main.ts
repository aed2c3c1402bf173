import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { openDatabase, migrateToLatest } from '../db/database.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { ROLES, hashPassword, passwordProblem, usernameProblem, type Role } from '../modules/accounts/accounts.rules.js';
import { findUserByUsername, insertUser, replaceGrants } from '../modules/accounts/accounts.store.js';
import { recordAudit } from '../modules/audit/audit.store.js';
import { getOrg } from '../modules/orgs/orgs.store.js';
import { loadDemoData } from '../demo/demo-loader.js';
import { systemClock, isoNow } from '../shared/clock.js';
import { serve } from './serve.js';
import { recountElection } from '../modules/voting/elections.count.js';
import { recountOpenVote } from '../modules/voting/votes.count.js';

const USAGE = `daihoi <command>
  serve                                   migrate, load demo data on an empty database, serve (same as npm start)
  migrate                                 apply database migrations
  user add NAME --password P --role R [--org ID] [--display "Full name"]
                                          R is one of ${ROLES.join(', ')}; without --org the role covers everything
  backup FILE                             FILE.sqlite (SQLite online backup) or FILE.ndjson[.gz] (portable dump, any engine)
  restore FILE                            replace every row with the backup's (stop the server first)
  demo                                    load the demo organisations and members into an empty database
  recount ELECTION_ID                     count a closed election's stored ballots again and compare with its result
  recount-vote VOTE_ID                    count a closed open vote's stored votes again and compare with its result
Environment: DATABASE_URL=postgres://… selects PostgreSQL; DAIHOI_DATA (default ./data) holds the SQLite file.`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = loadConfig();
  if (!command || command === 'help' || command === '--help') return console.log(USAGE);
  if (command === 'serve') return serve(config);
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle);
    switch (command) {
      case 'migrate':
        console.log('Migrations applied.');
        break;
      case 'user': {
        const { positionals, values } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { password: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, display: { type: 'string' } },
        });
        const [sub, name] = positionals;
        if (sub !== 'add' || !name || !values.password || !values.role) throw new Error(USAGE);
        // the same rules as the API's user form
        const badName = usernameProblem(name);
        if (badName) throw new Error(badName);
        if (!ROLES.includes(values.role as Role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
        const weak = passwordProblem(values.password);
        if (weak) throw new Error(weak);
        const orgId = values.org ? Number(values.org) : null;
        if (orgId !== null && (!Number.isSafeInteger(orgId) || orgId < 1 || orgId > 2_147_483_647)) throw new Error(`--org must be an organisation id, not "${values.org}"`);
        if (orgId !== null && !(await getOrg(handle.db, orgId))) throw new Error(`organisation ${values.org} not found`);
        await handle.db.transaction().execute(async (trx) => {
          if (await findUserByUsername(trx, name)) throw new Error(`user ${name} exists`);
          const now = isoNow(systemClock);
          const id = await insertUser(trx, { username: name, displayName: values.display ?? name, passwordHash: hashPassword(values.password!), createdAt: now });
          await replaceGrants(trx, id, [{ role: values.role as Role, orgId }]);
          await recordAudit(trx, { userId: null, name: 'cli' }, now, { action: 'user.create', entity: 'user', entityId: id, after: { username: name, role: values.role, orgId } });
        });
        console.log(`User ${name} added with role ${values.role}${orgId ? ` on organisation ${orgId}` : ''}.`);
        break;
      }
      case 'backup': {
        if (!rest[0]) throw new Error(USAGE);
        const summary = await backupDatabase(handle, rest[0]);
        console.log(`Backup written to ${summary.file} (${summary.format}): ${Object.entries(summary.tables).map(([t, n]) => `${t} ${n}`).join(', ')}`);
        break;
      }
      case 'restore': {
        if (!rest[0]) throw new Error(USAGE);
        const counts = await restoreDatabase(handle, rest[0]);
        console.log(`Restored from ${rest[0]}: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
        break;
      }
      case 'demo': {
        const loaded = await loadDemoData(handle, systemClock);
        console.log(loaded ? `Demo data loaded: ${loaded.orgs} organisations, ${loaded.members} members.` : 'The database is not empty; demo data not loaded.');
        break;
      }
      case 'recount': {
        const id = Number(rest[0]);
        if (!Number.isInteger(id) || id < 1) throw new Error(USAGE);
        const r = await recountElection(handle.db, null, id);
        const name = new Map(r.election.candidates.map((c) => [c.id, c.fullName]));
        console.log(`${r.election.title} (vòng ${r.election.round}): ${r.tally.ballots.total} phiếu, ${r.tally.ballots.valid} hợp lệ, ${r.tally.ballots.invalid} không hợp lệ; căn cứ ${r.tally.base}, cần ít nhất ${r.tally.threshold} phiếu.`);
        for (const c of r.tally.candidates) console.log(`  ${String(c.votes).padStart(5)}  ${c.fullName}  ${c.outcome}`);
        console.log(`Trúng cử: ${r.tally.elected.map((x) => name.get(x)).join(', ') || '—'}`);
        console.log(r.matches ? 'Kiểm lại: khớp với kết quả đã công bố.' : 'Kiểm lại: KHÔNG khớp với kết quả đã công bố!');
        if (!r.matches) process.exitCode = 2;
        break;
      }
      case 'recount-vote': {
        const id = Number(rest[0]);
        if (!Number.isInteger(id) || id < 1) throw new Error(USAGE);
        const { vote, result, matches } = await recountOpenVote(handle.db, null, id);
        const { counts, base } = result;
        console.log(`${vote.question}: tán thành ${counts.for}, không tán thành ${counts.against}, ý kiến khác ${counts.other} (${result.method === 'hands' ? 'đếm tay' : 'trên điện thoại'}); căn cứ ${base.size}, cần ít nhất ${result.required}: ${result.adopted ? 'thông qua' : 'không thông qua'}.`);
        console.log(matches ? 'Kiểm lại: khớp với kết quả đã công bố.' : 'Kiểm lại: KHÔNG khớp với kết quả đã công bố!');
        if (!matches) process.exitCode = 2;
        break;
      }
      default:
        throw new Error(USAGE);
    }
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
