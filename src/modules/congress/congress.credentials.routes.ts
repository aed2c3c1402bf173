// The credentials report printed: what the credentials committee presents to the congress, as DOCX in the Party's
// document format or as PDF through LibreOffice (the same document). The figures are GET /api/congresses/:id/credentials.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypedApp } from '../../server/app.js';
import { notFound } from '../../server/errors.js';
import { readContext } from '../../server/request-context.js';
import type { Executor } from '../../db/types.js';
import { credentialsReportDocx, type CredentialsReportInput } from '../../docs/credentials-report.js';
import { placeOf } from '../../docs/party-document.js';
import { docxToPdf } from '../../docs/pdf-convert.js';
import { getOrg } from '../orgs/orgs.store.js';
import { credentialsReport } from './congress.rules.js';
import { workingBodiesOf } from './congress.bodies.store.js';
import { getCongress, listDelegates, type CongressRow } from './congress.store.js';
import { attendance, congressOrg } from './congress.http.js';

const MIME = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

/** the report as of the opening day, the attendance now, and the credentials committee as the working bodies hold it */
export async function credentialsReportInput(db: Executor, c: CongressRow): Promise<CredentialsReportInput> {
  const org = (await getOrg(db, c.orgId))!;
  const [delegates, att, bodies] = await Promise.all([listDelegates(db, c.id), attendance(db, c), workingBodiesOf(db, c.id)]);
  const committee = bodies.find((b) => b.body === 'credentials_committee')!;
  return {
    orgName: org.name,
    congressTitle: c.title,
    kind: c.kind,
    place: placeOf(org.name, org.adminUnit),
    date: c.opensOn,
    report: credentialsReport(delegates, c.opensOn),
    attendance: att,
    committee: { head: committee.members.find((m) => m.head)?.fullName ?? null, members: committee.members.length, approved: committee.approvedBy !== null },
  };
}

export async function congressCredentialsRoutes(appBase: FastifyInstance) {
  const app = appBase as TypedApp;

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/congresses/:id/credentials.${format}`,
      {
        config: { access: { action: 'congress.read', org: congressOrg } },
        schema: {
          tags: ['congress'],
          summary: `The credentials report (báo cáo thẩm tra tư cách đại biểu) as ${format.toUpperCase()} in the Party’s document format: totals and attendance, composition tables, delegates with an issue, conclusion, the committee head's signature`,
          description: format === 'pdf' ? 'Converted by LibreOffice; 501 PDF_CONVERTER_MISSING when the server has none (download the DOCX instead).' : undefined,
          params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
          produces: [MIME[format]],
        },
      },
      async (request, reply) => {
        const { db } = readContext(request);
        const c = await getCongress(db, request.params.id);
        if (!c) throw notFound('đại hội');
        const docx = await credentialsReportDocx(await credentialsReportInput(db, c));
        const file = `Báo cáo thẩm tra tư cách đại biểu - ${c.title}.${format}`;
        return reply
          .type(MIME[format])
          .header('content-disposition', `attachment; filename="bao-cao-tham-tra-tu-cach.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`)
          .send(format === 'docx' ? docx : await docxToPdf(docx));
      },
    );
  }
}
