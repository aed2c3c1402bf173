// Loads the organisations, history and leaders of the seed articles, with synthetic members, into an empty database.
import type { DatabaseHandle } from '../db/database.js';
import type { Executor } from '../db/types.js';
import { isoNow, today as todayOf, type Clock } from '../shared/clock.js';
import { systemActor } from '../modules/audit/audit.store.js';
import { dissolveOrg, foundOrg, mergeOrgs, moveOrg, renameOrg, splitOrg, type CommandContext } from '../modules/orgs/orgs.commands.js';
import { insertMembers, type NewMember } from '../modules/members/members.store.js';
import type { MemberProfile } from '../modules/members/members.rules.js';
import { seedEvents, seedLeaders, seedOrganisations, type SeedEvent, type SeedOrganisation } from './seed-organisations.js';
import { createRandom, generateMembers } from './synthetic-members.js';
import { loadSeedResolutions } from './seed-resolutions.js';

export interface DemoSummary {
  orgs: number;
  members: number;
}

type Step = { date: string; order: number; org?: SeedOrganisation; event?: SeedEvent };

const eventDate = (e: SeedEvent) => e.effectiveOn;
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);

/** the day each organisation stops existing, from the events that close it */
function closingDates(): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of seedEvents) {
    const closed = e.kind === 'merge' ? e.sourceKeys.filter((k) => k !== e.targetKey) : e.kind === 'dissolve' || e.kind === 'split' ? [e.orgKey] : [];
    for (const k of closed) if (!out.has(k)) out.set(k, e.effectiveOn);
  }
  return out;
}

export async function loadDemoData(handle: DatabaseHandle, clock: Clock): Promise<DemoSummary | null> {
  const existing = await handle.db.selectFrom('organizations').select('id').limit(1).execute();
  if (existing.length) return null;
  return handle.db.transaction().execute((db) => loadInto(db, clock));
}

async function loadInto(db: Executor, clock: Clock): Promise<DemoSummary> {
  const ctx: CommandContext = { db, actor: { ...systemActor, name: 'demo' }, now: isoNow(clock), today: todayOf(clock) };
  const random = createRandom(20250701);
  const ids = new Map<string, number>();
  const closes = closingDates();
  let cardSeq = 10_000_000;
  let members = 0;

  // foundings and events in date order; on one day, foundings come first (a merger's new unit exists before it absorbs)
  const steps: Step[] = [
    ...seedOrganisations.map((org, i) => ({ date: org.foundedOn, order: i, org })),
    ...seedEvents.map((event, i) => ({ date: eventDate(event), order: 100_000 + i, event })),
  ].sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1));

  const id = (key: string) => {
    const v = ids.get(key);
    if (v === undefined) throw new Error(`demo data: unknown organisation ${key}`);
    return v;
  };

  const addMembers = async (org: SeedOrganisation, orgId: number) => {
    if (!org.directMembers) return;
    // members were admitted before the unit, or the unit it then belonged to, was closed by a restructuring
    const closing = lineageOf(org).map((o) => closes.get(o.key)).filter((d): d is string => d !== undefined).sort()[0];
    const lastDay = closing ? dayBefore(closing) : ctx.today;
    const generated = generateMembers(org.directMembers, { random, asOf: lastDay, hometownProvince: provinceOf(org) });
    const rows: NewMember[] = generated.map((m) => ({ orgId, profile: { ...m, cardNumber: m.cardNumber === null ? null : String(cardSeq++) } as MemberProfile }));
    await insertGrouped(db, rows, org.foundedOn, ctx.now);
    members += rows.length;
  };

  for (const step of steps) {
    if (step.org) {
      const org = step.org;
      const orgId = await foundOrg(ctx, {
        name: org.name,
        kind: org.kind,
        adminUnit: org.adminUnit ?? null,
        parentId: org.parentKey === null ? null : id(org.parentKey),
        effectiveOn: org.foundedOn,
        note: sourceNote(org.source),
      });
      ids.set(org.key, orgId);
      await addMembers(org, orgId);
      continue;
    }
    const e = step.event!;
    const note = sourceNote(e.source);
    switch (e.kind) {
      case 'merge':
        await mergeOrgs(ctx, id(e.targetKey), { sourceIds: e.sourceKeys.filter((k) => k !== e.targetKey).map(id), effectiveOn: e.effectiveOn, decision: e.decision, note });
        break;
      case 'rename':
        await renameOrg(ctx, id(e.orgKey), { newName: e.newName, effectiveOn: e.effectiveOn, decision: e.decision, note });
        break;
      case 'move':
        await moveOrg(ctx, id(e.orgKey), { newParentId: id(e.newParentKey), effectiveOn: e.effectiveOn, decision: e.decision, note });
        break;
      case 'dissolve':
        await dissolveOrg(ctx, id(e.orgKey), { effectiveOn: e.effectiveOn, decision: e.decision, note });
        break;
      case 'split': {
        const targets = e.targetKeys.map((k) => seedOrganisations.find((o) => o.key === k)!);
        const r = await splitOrg(ctx, id(e.orgKey), {
          effectiveOn: e.effectiveOn,
          decision: e.decision,
          note,
          parts: targets.map((o, i) => ({ name: o.name, kind: o.kind, adminUnit: o.adminUnit ?? null, memberIds: [], childIds: [], takesRest: i === 0 })),
        });
        targets.forEach((o, i) => ids.set(o.key, r.newIds[i]));
        break;
      }
    }
  }

  // the leaders the articles name, with their stated positions, as members of the unit they lead
  for (const leader of seedLeaders) {
    const orgId = id(leader.orgKey);
    const org = seedOrganisations.find((o) => o.key === leader.orgKey)!;
    const [base] = generateMembers(1, { random, asOf: ctx.today, hometownProvince: provinceOf(org) });
    const profile: MemberProfile = { ...base, fullName: leader.fullName, gender: leader.gender, position: leader.position, cardNumber: String(cardSeq++), officialOn: base.officialOn ?? null };
    await insertGrouped(db, [{ orgId, profile }], org.foundedOn, ctx.now);
    members++;
  }
  await loadSeedResolutions(db, (key) => ids.get(key), ctx.now);
  return { orgs: ids.size, members };
}

/** members join a unit on the later of their admission and the unit's founding */
async function insertGrouped(db: Executor, rows: NewMember[], foundedOn: string, now: string) {
  await insertMembers(db, rows.map((r) => ({ ...r, joinedOn: r.profile.admittedOn > foundedOn ? r.profile.admittedOn : foundedOn })), 'import', now);
}

function sourceNote(source: { seed: string; quote?: string }): string {
  return source.quote ? `Nguồn: ${source.seed} — “${source.quote}”` : `Nguồn: ${source.seed}`;
}

/** a unit and its ancestors, as founded */
function lineageOf(org: SeedOrganisation): SeedOrganisation[] {
  const out = [org];
  while (out[out.length - 1].parentKey !== null) out.push(seedOrganisations.find((o) => o.key === out[out.length - 1].parentKey)!);
  return out;
}

/** the province a unit lies in: the administrative unit of its top ancestor ("tỉnh Lạng Sơn" → "Lạng Sơn") */
function provinceOf(org: SeedOrganisation): string {
  const top = lineageOf(org).at(-1)!;
  return (top.adminUnit ?? top.name).replace(/^(Đảng bộ )?(tỉnh|thành phố) /, '');
}
