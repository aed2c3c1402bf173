import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { invalid, notFound } from '../../server/errors.js';
import { inTransaction, readContext } from '../../server/request-context.js';
import { Decision, IdParam, IsoDate, Nullable } from '../../server/schemas.js';
import { nameMatchesWords, searchWords, vietnameseCollator } from '../../shared/vietnamese.js';
import { allowedSubtrees } from '../accounts/accounts.rules.js';
import { isIsoDate } from '../members/members.rules.js';
import { dissolveOrg, foundOrg, mergeOrgs, moveOrg, renameOrg, splitOrg, updateOrgFacts } from './orgs.commands.js';
import { ORG_KINDS, isInSubtree } from './orgs.rules.js';
import { ancestors, pathsOf, getOrg, historyOf, levelAsOf, listOrgs, namesAsOf, namesOverTime, subtreeMemberCount, treeAsOf, unitsAsOfWithin, type AsOfLevel } from './orgs.store.js';

const Kind = Type.Union(ORG_KINDS.map((k) => Type.Literal(k)));
const Name = Type.String({ minLength: 2, maxLength: 200 });
const Common = { effectiveOn: IsoDate, decision: Type.Optional(Decision), note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) };

export const EventBody = Type.Union([
  Type.Object({ kind: Type.Literal('rename'), newName: Name, ...Common }),
  Type.Object({ kind: Type.Literal('move'), newParentId: Nullable(Type.Integer({ minimum: 1 })), ...Common }),
  Type.Object({ kind: Type.Literal('merge'), sourceIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 100 }), ...Common }),
  Type.Object({
    kind: Type.Literal('split'),
    parts: Type.Array(
      Type.Object({
        name: Name,
        kind: Kind,
        adminUnit: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
        // defaults inside a union are not applied by the validator: absent means none / false
        memberIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100_000 })),
        childIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 10_000 })),
        takesRest: Type.Optional(Type.Boolean()),
      }),
      { minItems: 2, maxItems: 20 },
    ),
    ...Common,
  }),
  Type.Object({ kind: Type.Literal('dissolve'), transferToId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))), ...Common }),
]);

const FoundBody = Type.Object({
  name: Name,
  kind: Kind,
  adminUnit: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  parentId: Nullable(Type.Integer({ minimum: 1 })),
  mergeFromIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 })),
  ...Common,
});

const ListQuery = Type.Object({
  search: Type.Optional(Type.String({ maxLength: 200 })),
  asOf: Type.Optional(IsoDate),
  parentId: Type.Optional(Type.Integer({ minimum: 1 })),
  roots: Type.Optional(Type.Boolean()),
  kind: Type.Optional(Kind),
  includeClosed: Type.Optional(Type.Boolean()),
  limit: Type.Integer({ minimum: 1, maximum: 5000, default: 1000 }),
});

function checkDate(d: string | undefined, field: string) {
  if (d !== undefined && !isIsoDate(d)) throw invalid(`Ngày "${d}" không hợp lệ.`, [{ field, message: 'Ngày không hợp lệ.' }]);
}

/** the organisations an event touches beyond its subject: each needs the same permission */
function eventTargets(request: FastifyRequest<{ Params: Static<typeof IdParam>; Body: Static<typeof EventBody> }>): (number | null)[] {
  const b = request.body;
  // a move to the top of the tree (no parent) acts on the whole system: it needs a grant with no organisation
  if (b.kind === 'move') return [request.params.id, b.newParentId ?? null];
  const others = b.kind === 'merge' ? b.sourceIds : b.kind === 'dissolve' ? [b.transferToId] : [];
  return [request.params.id, ...others.filter((x): x is number => typeof x === 'number')];
}

export async function orgsRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;

  app.get(
    '/api/orgs',
    { config: { access: { action: 'org.read', scope: 'any' } }, schema: { tags: ['orgs'], querystring: ListQuery } },
    async (request) => {
      const q = request.query;
      checkDate(q.asOf, 'asOf');
      const { db, today } = readContext(request);
      const within = allowedSubtrees(request.user!.grants, 'org.read');
      const visible = (path: string) => within === 'all' || within.some((p) => isInSubtree(path, p));
      if (q.asOf && q.asOf < today) {
        const asOf = q.asOf;
        const words = searchWords(q.search);
        // one level at a time, like today's tree: a unit's children, the top units, or the units a search names
        let level: AsOfLevel;
        if (q.parentId) level = { parentId: q.parentId };
        else if (q.roots && within === 'all' && !words.length && !q.kind) level = { top: true };
        else {
          // the units standing then whose current place the user may see; roots: those whose parent then is not among them
          const units = await unitsAsOfWithin(db, asOf, within === 'all' ? 'all' : within);
          const ids = new Set(units.map((u) => u.id));
          const picked = units
            .filter((u) => !q.roots || u.parentId === null || !ids.has(u.parentId))
            .filter((u) => (q.kind ? u.kind === q.kind : true))
            .filter((u) => nameMatchesWords(u.name, words))
            .slice(0, q.limit);
          level = { ids: picked.map((u) => u.id) };
        }
        let nodes = await levelAsOf(db, asOf, level);
        if ('parentId' in level) {
          const paths = within === 'all' ? null : await pathsOf(db, nodes.map((n) => n.id));
          nodes = nodes.filter((n) => paths === null || (paths.has(n.id) && visible(paths.get(n.id)!)));
          nodes = nodes.filter((n) => (q.kind ? n.kind === q.kind : true)).filter((n) => nameMatchesWords(n.name, words));
        }
        const parentNames = await namesAsOf(db, asOf, [...new Set(nodes.map((n) => n.parentId).filter((p): p is number => p !== null))]);
        return nodes
          .sort((a, b) => vietnameseCollator.compare(a.name, b.name))
          .slice(0, q.limit)
          .map((n) => ({
            id: n.id,
            name: n.name,
            kind: n.kind,
            parentId: n.parentId,
            parentName: n.parentId === null ? null : (parentNames.get(n.parentId) ?? null),
            memberCount: n.memberCount,
            directMemberCount: n.directMemberCount,
            childCount: n.childCount,
            asOf,
          }));
      }
      let parentId: number | null | undefined = q.parentId;
      let withinPaths = within === 'all' ? undefined : within;
      if (q.roots) {
        // top-level units, or for a user granted on part of the tree, the units they were granted on
        if (within === 'all') parentId = null;
        else withinPaths = within;
      }
      let rows = await listOrgs(db, { search: q.search, parentId, kind: q.kind, includeClosed: q.includeClosed, withinPaths, limit: q.limit });
      if (q.roots && within !== 'all') rows = rows.filter((r) => within.includes(r.path));
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        parentId: r.parentId,
        parentName: r.parentName,
        adminUnit: r.adminUnit,
        foundedOn: r.foundedOn,
        closedOn: r.closedOn,
        memberCount: r.memberCount,
        directMemberCount: r.directMemberCount,
        childCount: r.childCount,
      }));
    },
  );

  app.get(
    '/api/orgs/:id',
    {
      config: { access: { action: 'org.read', org: (r) => (r.params as { id: number }).id } },
      schema: { tags: ['orgs'], params: IdParam, querystring: Type.Object({ asOf: Type.Optional(IsoDate) }) },
    },
    async (request) => {
      const { id } = request.params;
      checkDate(request.query.asOf, 'asOf');
      const { db, today } = readContext(request);
      const org = await getOrg(db, id);
      if (!org) throw notFound('tổ chức đảng');
      const asOf = request.query.asOf;
      const history = await historyOf(db, id);
      const names = await namesOverTime(db, id);
      let memberCount: number;
      let children: { id: number; name: string; kind: string; memberCount: number }[];
      if (asOf && asOf < today) {
        const nodes = await treeAsOf(db, asOf, id);
        memberCount = nodes.find((n) => n.id === id)?.memberCount ?? 0;
        children = nodes.filter((n) => n.parentId === id).map((n) => ({ id: n.id, name: n.name, kind: n.kind, memberCount: n.memberCount }));
      } else {
        memberCount = await subtreeMemberCount(db, org.path);
        children = (await listOrgs(db, { parentId: id, limit: 5000 })).map((c) => ({ id: c.id, name: c.name, kind: c.kind, memberCount: c.memberCount, childCount: c.childCount }));
      }
      return {
        id: org.id,
        name: org.name,
        kind: org.kind,
        adminUnit: org.adminUnit,
        parentId: org.parentId,
        foundedOn: org.foundedOn,
        closedOn: org.closedOn,
        memberCount,
        directMemberCount: org.directMemberCount,
        ancestors: await ancestors(db, org.path),
        children,
        names: names.map((n) => ({ name: n.name, kind: n.kind, parentId: n.parent_id, parentName: n.parent_name, from: n.valid_from, to: n.valid_to })),
        history,
        formedFrom: history.filter((h) => h.kind === 'merge' && h.role === 'target').flatMap((h) => h.orgs.filter((o) => o.role === 'source').map((o) => ({ ...o, effectiveOn: h.effectiveOn, decision: h.decision }))),
        asOf: asOf ?? null,
      };
    },
  );

  app.get(
    '/api/orgs/:id/tree',
    {
      config: { access: { action: 'org.read', org: (r) => (r.params as { id: number }).id } },
      schema: { tags: ['orgs'], params: IdParam, querystring: Type.Object({ asOf: Type.Optional(IsoDate) }) },
    },
    async (request) => {
      checkDate(request.query.asOf, 'asOf');
      const { db, today } = readContext(request);
      if (!(await getOrg(db, request.params.id))) throw notFound('tổ chức đảng');
      return treeAsOf(db, request.query.asOf ?? today, request.params.id);
    },
  );

  app.post(
    '/api/orgs',
    {
      // founding under a parent, and every unit merged into the new one: each must be the user's to manage
      config: { access: { action: 'org.manage', org: (r) => [(r.body as Static<typeof FoundBody>).parentId ?? null, ...((r.body as Static<typeof FoundBody>).mergeFromIds ?? [])] } },
      schema: { tags: ['orgs'], body: FoundBody },
    },
    async (request, reply) => {
      checkDate(request.body.effectiveOn, 'effectiveOn');
      checkDate(request.body.decision?.date ?? undefined, 'decision.date');
      const id = await inTransaction(request, (ctx) => foundOrg(ctx, request.body));
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/api/orgs/:id',
    {
      config: { access: { action: 'org.manage', org: (r) => (r.params as { id: number }).id } },
      schema: { tags: ['orgs'], params: IdParam, body: Type.Object({ adminUnit: Nullable(Type.String({ maxLength: 200 })) }) },
    },
    async (request) => {
      await inTransaction(request, (ctx) => updateOrgFacts(ctx, request.params.id, request.body));
      return { ok: true };
    },
  );

  app.post(
    '/api/orgs/:id/events',
    {
      config: { access: { action: 'org.manage', org: (r) => eventTargets(r as never) } },
      schema: { tags: ['orgs'], params: IdParam, body: EventBody },
    },
    async (request, reply) => {
      const b = request.body;
      checkDate(b.effectiveOn, 'effectiveOn');
      checkDate(b.decision?.date ?? undefined, 'decision.date');
      const id = request.params.id;
      const result = await inTransaction(request, async (ctx) => {
        switch (b.kind) {
          case 'rename':
            return { eventId: await renameOrg(ctx, id, b) };
          case 'move':
            return { eventId: await moveOrg(ctx, id, b) };
          case 'merge':
            return { eventId: await mergeOrgs(ctx, id, b) };
          case 'split':
            return splitOrg(ctx, id, { ...b, parts: b.parts.map((p) => ({ ...p, memberIds: p.memberIds ?? [], childIds: p.childIds ?? [], takesRest: p.takesRest ?? false })) });
          case 'dissolve':
            return { eventId: await dissolveOrg(ctx, id, b) };
        }
      });
      return reply.status(201).send(result);
    },
  );
}
