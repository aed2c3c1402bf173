// Exports of the resolution follow-up: the period's progress report in the Party's DOCX format, the dashboard and the roll-up as PDF.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { placeOf } from '../../docs/congress-minutes.js';
import { dashboardPdf, rollupPdf } from '../../docs/dashboard-pdf.js';
import { issuerOf, resolutionReportDocx } from '../../docs/resolution-report.js';
import type { TypedApp } from '../../server/app.js';
import { notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import { IdParam } from '../../server/schemas.js';
import { getOrg } from '../orgs/orgs.store.js';
import { buildRollup } from './resolutions.dashboard.js';
import { orgDashboard, periodReport } from './resolutions.report.js';
import { PERIOD_PATTERN, dayNumber, targetProgress } from './resolutions.rules.js';
import { childUnits, taskCountsWithin, targetsWithin } from './resolutions.store.js';

const orgParam = (r: FastifyRequest) => (r.params as { id: number }).id;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** an attachment with a Vietnamese file name (RFC 5987) and an ASCII fallback */
const attach = (reply: FastifyReply, type: string, ascii: string, name: string, body: Buffer) =>
  reply.type(type).header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`).send(body);

export async function resolutionExportRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;
  const tags = ['resolutions'];

  app.get(
    '/api/orgs/:id/resolution-report.docx',
    {
      config: { access: { action: 'resolution.read', org: orgParam } },
      schema: {
        tags,
        summary: "The period's progress report (báo cáo tiến độ thực hiện Nghị quyết) as DOCX in the Party's document format",
        params: IdParam,
        querystring: Type.Object({ period: Type.String({ pattern: PERIOD_PATTERN, description: '"2026" or "2026-Q3"' }) }),
        produces: [DOCX],
      },
    },
    async (request, reply) => {
      const { db, today } = readContext(request);
      const org = await getOrg(db, request.params.id);
      if (!org) throw notFound('tổ chức đảng');
      const period = request.query.period;
      const report = await periodReport(db, org, period, today);
      const parent = org.parentId ? await getOrg(db, org.parentId) : null;
      const docx = await resolutionReportDocx({
        superiorBody: parent?.name ?? null,
        orgName: org.name,
        ...issuerOf(org.kind),
        place: placeOf(org.name, org.adminUnit),
        date: today,
        period,
        resolutions: report.resolutions.map((r) => ({
          title: r.title,
          targets: report.targets
            .filter((t) => t.resolutionId === r.id)
            .map((t) => ({ name: t.name, unit: t.unit, direction: t.direction, baselineValue: t.baselineValue, targetValue: t.targetValue, deadline: t.deadline, figure: t.figure?.value ?? null, figurePeriod: t.figure?.period ?? null, progress: t.progress, status: t.status })),
        })),
        taskCounts: report.taskCounts,
        overdue: report.tasks
          .filter((t) => t.flag === 'overdue')
          .map((t) => ({ title: t.title, ownerOrgName: t.ownerOrgName, responsiblePerson: t.responsiblePerson, dueOn: t.dueOn, daysLate: dayNumber(today) - dayNumber(t.dueOn) })),
      });
      return attach(reply, DOCX, 'bao-cao-nghi-quyet.docx', `Báo cáo tiến độ Nghị quyết - ${org.name} - ${period}.docx`, docx);
    },
  );

  app.get(
    '/api/orgs/:id/resolution-dashboard.pdf',
    { config: { access: { action: 'resolution.read', org: orgParam } }, schema: { tags, summary: "A unit's resolution dashboard as PDF", params: IdParam, produces: ['application/pdf'] } },
    async (request, reply) => {
      const { db, today } = readContext(request);
      const org = await getOrg(db, request.params.id);
      if (!org) throw notFound('tổ chức đảng');
      const d = await orgDashboard(db, org, today);
      const pdf = await dashboardPdf({
        orgName: org.name,
        date: today,
        taskCounts: d.taskCounts,
        resolutions: d.resolutions.map((r) => ({
          title: r.title,
          termStart: r.termStart,
          termEnd: r.termEnd,
          motto: r.motto,
          targets: r.targets.map((t) => ({ ...t, expectedProgress: t.expected === null ? null : targetProgress(t, t.expected) })),
        })),
      });
      return attach(reply, 'application/pdf', 'bang-theo-doi-nghi-quyet.pdf', `Bảng theo dõi Nghị quyết - ${org.name} - ${today}.pdf`, pdf);
    },
  );

  app.get(
    '/api/orgs/:id/resolution-rollup.pdf',
    {
      config: { access: { action: 'resolution.read', org: orgParam } },
      schema: { tags, summary: 'The roll-up over the subtree as PDF', params: IdParam, querystring: Type.Object({ indicator: Type.Optional(Type.String({ maxLength: 40 })) }), produces: ['application/pdf'] },
    },
    async (request, reply) => {
      const { db, today } = readContext(request);
      const org = await getOrg(db, request.params.id);
      if (!org) throw notFound('tổ chức đảng');
      const [targets, counts, children] = await Promise.all([targetsWithin(db, org.path), taskCountsWithin(db, org.path, today), childUnits(db, org.id)]);
      const roll = buildRollup(targets, counts, today, { indicator: request.query.indicator, path: org.path, children });
      const pdf = await rollupPdf({ orgName: org.name, date: today, summary: roll.summary, units: roll.units, indicator: roll.indicator });
      return attach(reply, 'application/pdf', 'tong-hop-nghi-quyet.pdf', `Tổng hợp thực hiện Nghị quyết - ${org.name} - ${today}.pdf`, pdf);
    },
  );
}
