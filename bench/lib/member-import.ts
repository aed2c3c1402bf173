// The 20,000-row XLSX import, through the real route (POST /api/orgs/:id/members/import) of the real app on the loaded database.
import ExcelJS from 'exceljs';
import type { DatabaseHandle } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { multipartFile } from '../../src/server/test-fixtures.js';
import { loadConfig } from '../../src/server/config.js';
import { fixedClock } from '../../src/shared/clock.js';
import { hashPassword } from '../../src/modules/accounts/accounts.rules.js';
import { insertUser, replaceGrants } from '../../src/modules/accounts/accounts.store.js';
import { MEMBER_COLUMNS, mapHeaders, memberToCells, parseMemberRows, unitDirectory } from '../../src/modules/members/members.import.js';
import { readSheetRows } from '../../src/modules/members/members.xlsx.js';
import { existingCardNumbers, insertMembers } from '../../src/modules/members/members.store.js';
import { getOrg, listOrgs } from '../../src/modules/orgs/orgs.store.js';
import { recordAudit } from '../../src/modules/audit/audit.store.js';
import { foldForSearch } from '../../src/shared/vietnamese.js';
import type { MemberProfile } from '../../src/modules/members/members.rules.js';
import { createRandom } from './prng.js';
import { generateMember } from './national-tree.js';
import { round, timeOnce } from './stats.js';

/** a member list as a clerk fills the import template: STT, the template columns (required ones starred), "Chi bộ" naming the sub-unit */
export async function memberListXlsx(rows: number, opts: { seed: number; today: string; province: string; units: string[]; firstCard: number }): Promise<Buffer> {
  const random = createRandom(opts.seed);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách đảng viên');
  sheet.addRow(['STT', ...MEMBER_COLUMNS.map(([, header, required]) => (required ? `${header}*` : header))]);
  let card = opts.firstCard;
  for (let i = 0; i < rows; i++) {
    const m = generateMember(random, opts.today, opts.province, () => String(card++));
    const cells = memberToCells({ ...(m as MemberProfile), orgName: opts.units[i % opts.units.length] });
    sheet.addRow([i + 1, ...MEMBER_COLUMNS.map(([f]) => cells[f])]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}


export interface ImportResult {
  import_s: number;
  /** 'route': POST /api/orgs/:id/members/import on the built app; 'functions': the route handler's calls, made directly (the app did not build) */
  path: 'route' | 'functions';
  /** why the route could not be used */
  route_error?: string;
  /** of which: reading the workbook alone (readSheetRows), measured separately on the same file */
  parse_s: number;
  xlsx_bytes: number;
  rows: number;
}

/** logs in as an office clerk of the province and uploads the file into `orgId` (a commune whose chi bộ the rows name) */
export async function importThroughRoute(handle: DatabaseHandle, opts: { orgId: number; grantOrgId: number; file: Buffer; rows: number; today: string }): Promise<ImportResult> {
  const clock = fixedClock(`${opts.today}T03:00:00.000Z`);
  const config = { ...loadConfig({}), loginRateLimit: 1000 };
  let built: Awaited<ReturnType<typeof buildApp>>;
  try {
    built = await buildApp({ handle, config, clock });
  } catch (e) {
    const route_error = String((e as Error).message ?? e).slice(0, 300);
    const { ms } = await timeOnce(() => importThroughFunctions(handle, { ...opts, now: clock.now().toISOString() }));
    const parse = await timeOnce(() => readSheetRows(opts.file));
    return { import_s: round(ms / 1000, 2), path: 'functions', route_error, parse_s: round(parse.ms / 1000, 2), xlsx_bytes: opts.file.length, rows: opts.rows };
  }
  const { app } = built;
  try {
    const username = `bench-clerk-${Date.now()}`;
    const userId = await insertUser(handle.db, { username, displayName: 'Bench clerk', passwordHash: hashPassword('bench-password-1'), createdAt: clock.now().toISOString() });
    await replaceGrants(handle.db, userId, [{ role: 'office', orgId: opts.grantOrgId }]);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'bench-password-1' } });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
    const cookie = login.cookies.find((c) => c.name === 'daihoi_session')!;
    const csrf = login.json().csrfToken as string;
    const m = multipartFile(opts.file, 'danh-sach-20000.xlsx');
    const { ms, value: res } = await timeOnce(() =>
      app.inject({
        method: 'POST',
        url: `/api/orgs/${opts.orgId}/members/import`,
        headers: { cookie: `daihoi_session=${cookie.value}`, 'x-csrf-token': csrf, 'content-type': m.contentType },
        payload: m.payload,
      }),
    );
    if (res.statusCode !== 200) throw new Error(`import failed: ${res.statusCode} ${res.body.slice(0, 2000)}`);
    const imported = res.json().imported as number;
    if (imported !== opts.rows) throw new Error(`import reported ${imported} rows, expected ${opts.rows}`);
    const parse = await timeOnce(() => readSheetRows(opts.file));
    return { import_s: round(ms / 1000, 2), path: 'route', parse_s: round(parse.ms / 1000, 2), xlsx_bytes: opts.file.length, rows: imported };
  } finally {
    await app.close();
  }
}

/** the body of the import route handler (members.routes.ts), call for call, for when the app cannot be built */
async function importThroughFunctions(handle: DatabaseHandle, opts: { orgId: number; file: Buffer; rows: number; today: string; now: string }) {
  const rows = await readSheetRows(opts.file);
  const headerIndex = rows.findIndex((r) => r.cells.some((c) => foldForSearch(String(c ?? '')).startsWith('ho va ten') || foldForSearch(String(c ?? '')) === 'ho ten'));
  const maxDate = (a: string, b: string) => (a > b ? a : b);
  await handle.db.transaction().execute(async (db) => {
    const org = await getOrg(db, opts.orgId);
    if (!org) throw new Error('no such organisation');
    const units = await listOrgs(db, { withinPaths: [org.path], limit: 100_000 });
    const header = headerIndex >= 0 ? mapHeaders(rows[headerIndex].cells, rows[headerIndex].number) : mapHeaders([], 1);
    const dataRows = headerIndex >= 0 ? rows.slice(headerIndex + 1) : [];
    const cards = dataRows.flatMap((r) => r.cells.map((c) => String(c ?? '').replace(/\s/g, ''))).filter((c) => /^\d{6,12}$/.test(c));
    const { members, problems } = parseMemberRows(dataRows, header, { today: opts.today, existingCards: await existingCardNumbers(db, cards), units: unitDirectory(units) });
    if (problems.length) throw new Error(`import refused: ${JSON.stringify(problems.slice(0, 5))}`);
    const foundedOn = new Map(units.map((u) => [u.id, u.foundedOn]));
    const rowsToInsert = members.map((m) => {
      const target = m.orgId ?? opts.orgId;
      return { orgId: target, profile: m.profile, joinedOn: maxDate(m.profile.admittedOn, foundedOn.get(target) ?? m.profile.admittedOn) };
    });
    const ids = await insertMembers(db, rowsToInsert, 'import', opts.now);
    const added = ids.map((id, i) => ({ id, orgId: rowsToInsert[i].orgId, fullName: rowsToInsert[i].profile.fullName, row: members[i].row }));
    await recordAudit(db, { userId: null, name: 'bench' }, opts.now, { action: 'member.import', entity: 'organization', entityId: opts.orgId, orgId: opts.orgId, after: { file: 'danh-sach-20000.xlsx', rows: members.length, members: added } });
    if (members.length !== opts.rows) throw new Error(`imported ${members.length} rows, expected ${opts.rows}`);
  });
}
