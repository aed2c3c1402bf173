import { PassThrough, Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { inTransaction, readContext } from '../../server/request-context.js';
import { IdParam, IsoDate, Nullable, Paging } from '../../server/schemas.js';
import { foldForSearch } from '../../shared/vietnamese.js';
import { formatDateVi } from '../../shared/dates.js';
import { allowedSubtrees } from '../accounts/accounts.rules.js';
import { recordAudit } from '../audit/audit.store.js';
import { getOrg, orgStates, subtreeUnits } from '../orgs/orgs.store.js';
import { checkActive, checkEffectiveDate } from '../orgs/orgs.rules.js';
import { IMPORT_MAX_BYTES, mapHeaders, parseMemberRows, unitDirectory, unitWithParent } from './members.import.js';
import {
  EDUCATION_LEVELS,
  GENDERS,
  LEAVE_REASONS,
  THEORY_LEVELS,
  CARD_NUMBER_PATTERN,
  isIsoDate,
  isProbationary,
  validateMemberProfile,
  type MemberProfile,
} from './members.rules.js';
import {
  existingCardNumbers,
  getMember,
  insertMembers,
  listMembers,
  memberPages,
  memberHistory,
  memberOrgId,
  MEMBER_SORTS,
  moveMembers,
  recordLeaving,
  searchMembers,
  updateMemberProfile,
} from './members.store.js';
import { memberPhotoRoutes } from './members.photo.routes.js';
import { memberPhotoInfo } from './members.photo.store.js';
import { importTemplateXlsx, membersCsv, readSheetRows, writeMembersXlsx } from './members.xlsx.js';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Profile = Type.Object({
  fullName: Type.String({ maxLength: 100 }),
  gender: lit(GENDERS),
  birthDate: IsoDate,
  ethnicity: Type.String({ maxLength: 50 }),
  religion: Nullable(Type.String({ maxLength: 50 })),
  hometown: Nullable(Type.String({ maxLength: 200 })),
  education: Nullable(lit(EDUCATION_LEVELS)),
  theoryLevel: Nullable(lit(THEORY_LEVELS)),
  admittedOn: IsoDate,
  officialOn: Nullable(IsoDate),
  cardNumber: Nullable(Type.String({ maxLength: 20 })),
  position: Nullable(Type.String({ maxLength: 200 })),
});

const ListQuery = Type.Object({
  ...Paging,
  search: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(lit(MEMBER_SORTS)),
  scope: Type.Optional(lit(['direct', 'subtree'] as const)),
  status: Type.Optional(lit(['active', 'left', 'all'] as const)),
});

const fileTooLarge = () =>
  new AppError('FILE_TOO_LARGE', 413, `Tệp quá lớn: tối đa ${IMPORT_MAX_BYTES / 1024 / 1024} MB (khoảng 250.000 dòng). Hãy chia danh sách thành nhiều tệp.`);

/** a card number written by another request between our check and our insert: the database's unique index refuses it */
function isCardClash(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  if (err.code === '23505') return String(err.constraint ?? '').includes('card_number');
  return err.code === 'SQLITE_CONSTRAINT_UNIQUE' && String(err.message).includes('members.card_number');
}

/** runs a member write; a card number that turned out to be taken is CARD_EXISTS, as the check before the write would have said */
async function guardCardNumbers<T>(write: () => Promise<T>, cardNumber?: string | null): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (!isCardClash(e)) throw e;
    throw new AppError('CARD_EXISTS', 409, cardNumber ? `Số thẻ ${cardNumber} đã có trong danh sách đảng viên.` : 'Một số thẻ trong tệp vừa được người khác ghi vào danh sách đảng viên; chưa nhập dòng nào. Hãy nhập lại để xem dòng trùng.');
  }
}

const orgParam = (r: FastifyRequest) => (r.params as { id: number }).id;
/** the organisation of the member in the path (`/api/members/:id/…`), for the permission check */
export const memberOrg = async (r: FastifyRequest) => {
  const orgId = await memberOrgId(r.server.ctx.handle.db, (r.params as { id: number }).id);
  if (orgId === null) throw notFound('đảng viên');
  return orgId;
};

function checkProfile(p: MemberProfile, today: string) {
  const problems = validateMemberProfile(p, today);
  if (problems.length) throw invalid(problems.map((x) => x.message).join(' '), problems);
}

const present = (m: Awaited<ReturnType<typeof getMember>> & object, today: string) => ({ ...m, probationary: isProbationary(m, today) });

export async function membersRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;

  app.get(
    '/api/orgs/:id/members',
    { config: { access: { action: 'member.read', org: orgParam } }, schema: { tags: ['members'], params: IdParam, querystring: ListQuery } },
    async (request) => {
      const { db, today } = readContext(request);
      const org = await getOrg(db, request.params.id);
      if (!org) throw notFound('tổ chức đảng');
      const q = request.query;
      const result = await listMembers(db, {
        orgId: org.id,
        orgPath: org.path,
        scope: q.scope ?? 'subtree',
        status: q.status ?? 'active',
        search: q.search,
        sort: q.sort ?? 'name',
        page: q.page,
        pageSize: q.pageSize,
      });
      return { total: result.total, page: q.page, pageSize: q.pageSize, items: result.items.map((m) => present(m, today)) };
    },
  );

  app.post(
    '/api/orgs/:id/members',
    { config: { access: { action: 'member.manage', org: orgParam } }, schema: { tags: ['members'], params: IdParam, body: Profile } },
    async (request, reply) => {
      const orgId = request.params.id;
      const id = await guardCardNumbers(() => inTransaction(request, async (ctx) => {
        const profile = request.body as MemberProfile;
        checkProfile(profile, ctx.today);
        const org = await getOrg(ctx.db, orgId);
        if (!org) throw notFound('tổ chức đảng');
        if (org.closedOn) throw new AppError('ORG_CLOSED', 409, 'Tổ chức này đã giải thể hoặc sáp nhập.');
        if (profile.cardNumber && (await existingCardNumbers(ctx.db, [profile.cardNumber])).size) {
          throw new AppError('CARD_EXISTS', 409, `Số thẻ ${profile.cardNumber} đã có trong danh sách đảng viên.`);
        }
        const [id] = await insertMembers(ctx.db, [{ orgId, profile }], 'added', ctx.now, maxDate(profile.admittedOn, org.foundedOn));
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'member.create', entity: 'member', entityId: id, orgId, after: profile });
        return id;
      }), request.body.cardNumber);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/orgs/:id/members/import',
    {
      config: { access: { action: 'member.manage', org: orgParam }, upload: { field: 'file', description: 'the member list (.xlsx) in the template’s columns' } },
      schema: { tags: ['members'], summary: 'Import members from an Excel list: all rows or none, every problem reported', params: IdParam, consumes: ['multipart/form-data'] },
    },
    async (request) => {
      const file = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } }).catch(() => undefined);
      if (!file) throw new AppError('FILE_REQUIRED', 400, 'Hãy chọn tệp Excel (.xlsx) để nhập.');
      let buffer: Buffer;
      try {
        buffer = await file.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
        throw e;
      }
      if (buffer.length === 0) throw new AppError('FILE_EMPTY', 400, 'Tệp tải lên không có nội dung.');
      const rows = await readSheetRows(buffer);
      if (rows.length === 0) throw new AppError('FILE_EMPTY', 400, 'Trang tính đầu tiên của tệp không có dòng nào.');
      const headerIndex = rows.findIndex((r) => r.cells.some((c) => foldForSearch(String(c ?? '')).startsWith('ho va ten') || foldForSearch(String(c ?? '')) === 'ho ten'));
      const orgId = request.params.id;
      return guardCardNumbers(() => inTransaction(request, async (ctx) => {
        const org = await getOrg(ctx.db, orgId);
        if (!org) throw notFound('tổ chức đảng');
        if (org.closedOn) throw new AppError('ORG_CLOSED', 409, 'Tổ chức này đã giải thể hoặc sáp nhập.');
        const units = await subtreeUnits(ctx.db, org.path);
        const header = headerIndex >= 0 ? mapHeaders(rows[headerIndex].cells, rows[headerIndex].number) : mapHeaders([], rows[0].number);
        const dataRows = headerIndex >= 0 ? rows.slice(headerIndex + 1) : [];
        const cards = dataRows.flatMap((r) => r.cells.map((c) => String(c ?? '').replace(/\s/g, ''))).filter((c) => CARD_NUMBER_PATTERN.test(c));
        const { members, problems } = parseMemberRows(dataRows, header, {
          today: ctx.today,
          existingCards: await existingCardNumbers(ctx.db, cards),
          units: unitDirectory(units),
        });
        if (problems.length) {
          throw new AppError('IMPORT_INVALID', 400, `Tệp có ${problems.length} lỗi; chưa nhập dòng nào. Hãy sửa các lỗi và nhập lại.`, problems);
        }
        const foundedOn = new Map(units.map((u) => [u.id, u.foundedOn]));
        const rowsToInsert = members.map((m) => {
          const target = m.orgId ?? orgId;
          // a member admitted before the unit existed joined it on its founding day
          return { orgId: target, profile: m.profile, joinedOn: maxDate(m.profile.admittedOn, foundedOn.get(target) ?? m.profile.admittedOn) };
        });
        const ids = await insertMembers(ctx.db, rowsToInsert, 'import', ctx.now);
        // which members the import added, so the log alone says who came in where
        const added = ids.map((id, i) => ({ id, orgId: rowsToInsert[i].orgId, fullName: rowsToInsert[i].profile.fullName, row: members[i].row }));
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'member.import', entity: 'organization', entityId: orgId, orgId, after: { file: file.filename, rows: members.length, members: added } });
        return { imported: members.length };
      }));
    },
  );

  const exportQuery = Type.Object({ scope: Type.Optional(lit(['direct', 'subtree'] as const)) });
  /** the subtree's members for an export, page by page; a unit whose name another unit shares is written with its parent, so the file imports back */
  const exportPages = async (request: FastifyRequest, orgId: number, scope: 'direct' | 'subtree' = 'subtree') => {
    const { db, today } = readContext(request);
    const org = await getOrg(db, orgId);
    if (!org) throw notFound('tổ chức đảng');
    const directory = unitDirectory(await subtreeUnits(db, org.path));
    const written = new Map([...directory.values()].flatMap((same) => same.map((u) => [u.id, same.length > 1 ? unitWithParent(u) : u.name] as const)));
    async function* pages() {
      for await (const page of memberPages(db, { orgId: org!.id, orgPath: org!.path, scope, status: 'active' })) {
        yield page.map((m) => ({ ...m, orgName: written.get(m.orgId) ?? m.orgName, probationary: isProbationary(m, today) }));
      }
    }
    return { org, pages: pages() };
  };
  const attachment = (name: string, ext: string) => `attachment; filename="danh-sach-dang-vien.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;

  app.get(
    '/api/orgs/:id/members.xlsx',
    { config: { access: { action: 'member.read', org: orgParam } }, schema: { tags: ['members'], params: IdParam, querystring: exportQuery } },
    async (request, reply) => {
      const { org, pages } = await exportPages(request, request.params.id, request.query.scope);
      // streamed: rows are read in pages and written as they come (a failure mid-way cuts the download short)
      const body = new PassThrough();
      writeMembersXlsx(pages, `Danh sách đảng viên — ${org.name}`, body).catch((e) => {
        request.log.error(e, 'member export failed');
        body.destroy(e as Error);
      });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(`Danh sách đảng viên - ${org.name}`, 'xlsx'))
        .send(body);
    },
  );

  app.get(
    '/api/orgs/:id/members.csv',
    { config: { access: { action: 'member.read', org: orgParam } }, schema: { tags: ['members'], params: IdParam, querystring: exportQuery } },
    async (request, reply) => {
      const { org, pages } = await exportPages(request, request.params.id, request.query.scope);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`Danh sách đảng viên - ${org.name}`, 'csv'))
        .send(Readable.from(membersCsv(pages)));
    },
  );

  app.get('/api/members/import-template.xlsx', { config: { access: { authenticated: true } }, schema: { tags: ['members'] } }, async (_request, reply) =>
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment('Mẫu danh sách đảng viên', 'xlsx'))
      .send(await importTemplateXlsx()),
  );

  app.get(
    '/api/members/search',
    {
      config: { access: { action: 'member.read', scope: 'any' } },
      schema: { tags: ['members'], querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }), limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) }) },
    },
    async (request) => {
      const { db, today } = readContext(request);
      const rows = await searchMembers(db, request.query.q, allowedSubtrees(request.user!.grants, 'member.read'), request.query.limit);
      return rows.map((m) => present(m, today));
    },
  );

  app.get(
    '/api/members/:id',
    { config: { access: { action: 'member.read', org: memberOrg } }, schema: { tags: ['members'], params: IdParam } },
    async (request) => {
      const { db, today } = readContext(request);
      const m = await getMember(db, request.params.id);
      if (!m) throw notFound('đảng viên');
      return { ...present(m, today), history: await memberHistory(db, m.id), photo: await memberPhotoInfo(db, m.id) };
    },
  );

  app.patch(
    '/api/members/:id',
    { config: { access: { action: 'member.manage', org: memberOrg } }, schema: { tags: ['members'], params: IdParam, body: Profile } },
    async (request) => {
      await guardCardNumbers(() => inTransaction(request, async (ctx) => {
        const before = await getMember(ctx.db, request.params.id);
        if (!before) throw notFound('đảng viên');
        const profile = request.body as MemberProfile;
        checkProfile(profile, ctx.today);
        if (profile.cardNumber && (await existingCardNumbers(ctx.db, [profile.cardNumber], before.id)).size) {
          throw new AppError('CARD_EXISTS', 409, `Số thẻ ${profile.cardNumber} đã có trong danh sách đảng viên.`);
        }
        await updateMemberProfile(ctx.db, before.id, profile, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'member.update', entity: 'member', entityId: before.id, orgId: before.orgId, before, after: profile });
      }), request.body.cardNumber);
      return { ok: true };
    },
  );

  app.post(
    '/api/members/:id/transfer',
    {
      config: { access: { action: 'member.manage', org: async (r) => [await memberOrg(r), (r.body as { toOrgId: number }).toOrgId] } },
      schema: {
        tags: ['members'],
        params: IdParam,
        body: Type.Object({ toOrgId: Type.Integer({ minimum: 1 }), effectiveOn: IsoDate, note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }),
      },
    },
    async (request) => {
      const b = request.body;
      if (!isIsoDate(b.effectiveOn)) throw invalid('Ngày chuyển không hợp lệ.');
      await inTransaction(request, async (ctx) => {
        const m = await getMember(ctx.db, request.params.id);
        if (!m) throw notFound('đảng viên');
        if (m.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE', 409, 'Đảng viên này không còn sinh hoạt.');
        if (m.orgId === b.toOrgId) throw new AppError('TRANSFER_SAME_ORG', 409, 'Đảng viên đang sinh hoạt tại tổ chức này.');
        const target = (await orgStates(ctx.db, [b.toOrgId])).get(b.toOrgId);
        if (!target) throw notFound('tổ chức đảng');
        const closed = checkActive([target]);
        if (closed) throw new AppError(closed.code, 409, closed.message);
        const history = await memberHistory(ctx.db, m.id);
        const since = history.at(-1)?.from ?? m.admittedOn;
        const early = checkEffectiveDate(b.effectiveOn, ctx.today, [{ ...target, currentSince: maxDate(since, target.currentSince) }]);
        if (early) throw new AppError(early.code, 409, early.message);
        await moveMembers(ctx.db, [m.id], b.toOrgId, b.effectiveOn, 'transfer', b.note ?? null, null);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'member.transfer', entity: 'member', entityId: m.id, orgId: b.toOrgId, before: { orgId: m.orgId }, after: b });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/members/:id/leave',
    {
      config: { access: { action: 'member.manage', org: memberOrg } },
      schema: {
        tags: ['members'],
        params: IdParam,
        body: Type.Object({ effectiveOn: IsoDate, reason: lit(LEAVE_REASONS), note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }),
      },
    },
    async (request) => {
      const b = request.body;
      if (!isIsoDate(b.effectiveOn)) throw invalid('Ngày không hợp lệ.');
      await inTransaction(request, async (ctx) => {
        const m = await getMember(ctx.db, request.params.id);
        if (!m) throw notFound('đảng viên');
        if (m.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE', 409, 'Đảng viên này không còn sinh hoạt.');
        const since = (await memberHistory(ctx.db, m.id)).at(-1)?.from ?? m.admittedOn;
        if (b.effectiveOn > ctx.today) throw new AppError('EVENT_IN_FUTURE', 409, `Ngày ra khỏi danh sách ${formatDateVi(b.effectiveOn)} ở tương lai.`);
        if (b.effectiveOn < since) throw new AppError('EVENT_BEFORE_HISTORY', 409, `Ngày ${formatDateVi(b.effectiveOn)} sớm hơn ngày bắt đầu sinh hoạt hiện tại (${formatDateVi(since)}).`);
        await recordLeaving(ctx.db, m.id, m.orgId, b.effectiveOn, b.reason, b.note ?? null, ctx.now);
        await recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'member.leave', entity: 'member', entityId: m.id, orgId: m.orgId, after: b });
      });
      return { ok: true };
    },
  );

  await memberPhotoRoutes(appBase, memberOrg);
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
