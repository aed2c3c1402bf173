import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** A failure the user can act on: a stable code, an HTTP status, a Vietnamese message, optional details. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, details?: unknown) => new AppError('NOT_FOUND', 404, `Không tìm thấy ${what}.`, details);
export const forbidden = () => new AppError('FORBIDDEN', 403, 'Bạn không có quyền thực hiện thao tác này.');
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401, 'Vui lòng đăng nhập.');
export const invalid = (message: string, details?: unknown) => new AppError('VALIDATION_FAILED', 400, message, details);

interface AjvIssue {
  instancePath?: string;
  schemaPath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/**
 * A body that is one of several shapes told apart by a `kind` (a restructuring event: rename, move, merge…): Ajv reports
 * every shape's complaints. Keep only those of the shape the `kind` sent names, when exactly one does.
 */
export function issuesOfChosenShape(issues: readonly AjvIssue[]): AjvIssue[] {
  const branchOf = (i: AjvIssue) => /^#\/anyOf\/(\d+)\//.exec(i.schemaPath ?? '')?.[1];
  const branches = new Set(issues.map(branchOf).filter((b): b is string => b !== undefined));
  if (branches.size < 2) return withoutNullableNoise(issues);
  const kindIssues = issues.filter((i) => i.instancePath === '/kind' && (i.keyword === 'const' || i.keyword === 'enum'));
  const wrongKind = new Set(kindIssues.map(branchOf));
  const chosen = [...branches].filter((b) => !wrongKind.has(b));
  if (chosen.length === 1) return withoutNullableNoise(issues.filter((i) => branchOf(i) === chosen[0]));
  // no shape has that kind: say which kinds there are
  if (chosen.length === 0 && kindIssues.length) {
    const allowed = kindIssues.flatMap((i) => (i.keyword === 'const' ? [i.params?.allowedValue] : ((i.params?.allowedValues as unknown[]) ?? [])));
    return [{ instancePath: '/kind', keyword: 'enum', params: { allowedValues: [...new Set(allowed)] } }];
  }
  return [...issues];
}

/** a value that may also be null (Nullable): its complaints without "must be null" and the union's own line */
function withoutNullableNoise(issues: readonly AjvIssue[]): AjvIssue[] {
  const real = new Set(issues.filter((i) => !(i.keyword === 'type' && i.params?.type === 'null') && i.keyword !== 'anyOf').map((i) => i.instancePath));
  return issues.filter((i) => !(real.has(i.instancePath) && ((i.keyword === 'type' && i.params?.type === 'null') || i.keyword === 'anyOf')));
}

/** one Vietnamese sentence per schema violation */
export function describeSchemaIssue(issue: AjvIssue, where: string): { field: string; message: string } {
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const field = issue.keyword === 'required' ? [path, String(issue.params?.missingProperty ?? '')].filter(Boolean).join('.') : path || where;
  const p = issue.params ?? {};
  const messages: Record<string, () => string> = {
    required: () => `Thiếu trường bắt buộc "${field}".`,
    type: () => `Trường "${field}" phải có kiểu ${typeName(String(p.type))}.`,
    minLength: () => `Trường "${field}" phải có ít nhất ${p.limit} ký tự.`,
    maxLength: () => `Trường "${field}" không được dài quá ${p.limit} ký tự.`,
    minimum: () => `Trường "${field}" phải lớn hơn hoặc bằng ${p.limit}.`,
    maximum: () => `Trường "${field}" phải nhỏ hơn hoặc bằng ${p.limit}.`,
    minItems: () => `Trường "${field}" phải có ít nhất ${p.limit} phần tử.`,
    maxItems: () => `Trường "${field}" không được có quá ${p.limit} phần tử.`,
    pattern: () => `Trường "${field}" không đúng định dạng.`,
    format: () => `Trường "${field}" không đúng định dạng ${String(p.format)}.`,
    enum: () => `Trường "${field}" phải là một trong: ${(p.allowedValues as unknown[] | undefined)?.join(', ') ?? ''}.`,
    const: () => `Trường "${field}" có giá trị không hợp lệ.`,
    additionalProperties: () => `Trường "${String(p.additionalProperty)}" không được phép.`,
    anyOf: () => `Trường "${field}" có giá trị không hợp lệ.`,
  };
  const message = (messages[issue.keyword ?? ''] ?? (() => `Trường "${field}" không hợp lệ.`))();
  return { field, message };
}

function typeName(t: string): string {
  return ({ string: 'chuỗi', integer: 'số nguyên', number: 'số', boolean: 'đúng/sai', object: 'đối tượng', array: 'danh sách' } as Record<string, string>)[t] ?? t;
}

const whereNames: Record<string, string> = { body: 'nội dung', querystring: 'tham số truy vấn', params: 'tham số đường dẫn', headers: 'tiêu đề' };

export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details } });
  }
  const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe.validation) {
    const where = fe.validationContext ?? 'body';
    const issues = issuesOfChosenShape(fe.validation).map((i) => describeSchemaIssue(i, where));
    return reply.status(400).send({
      error: {
        code: 'VALIDATION_FAILED',
        message: `Dữ liệu gửi lên (${whereNames[where] ?? where}) không hợp lệ: ${issues.map((i) => i.message).join(' ')}`,
        details: issues,
      },
    });
  }
  const status = fe.statusCode ?? 500;
  if (status === 429) {
    return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.' } });
  }
  if (status >= 400 && status < 500) {
    // malformed JSON, body too large, unsupported media type … : the client's fault, said plainly
    const known: Record<string, [string, string]> = {
      FST_ERR_CTP_INVALID_JSON_BODY: ['INVALID_JSON', 'Nội dung gửi lên không phải JSON hợp lệ.'],
      FST_ERR_CTP_EMPTY_JSON_BODY: ['INVALID_JSON', 'Nội dung JSON trống.'],
      FST_ERR_CTP_BODY_TOO_LARGE: ['BODY_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.'],
      FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Kiểu dữ liệu gửi lên không được hỗ trợ.'],
      FST_INVALID_MULTIPART_CONTENT_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Cần gửi tệp dưới dạng multipart/form-data.'],
      FST_REQ_FILE_TOO_LARGE: ['FILE_TOO_LARGE', 'Tệp tải lên quá lớn.'],
    };
    const [code, message] = known[fe.code ?? ''] ?? ['BAD_REQUEST', 'Yêu cầu không hợp lệ.'];
    return reply.status(status).send({ error: { code, message } });
  }
  // PostgreSQL 22003 (numeric value out of range): an id or number beyond the column's range (e.g. an id over 2³¹) was
  // sent; SQLite takes it and finds nothing. The request is wrong, not the server
  const dbCode = (error as { code?: string }).code;
  if (dbCode === '22003') {
    return reply.status(400).send({ error: { code: 'VALUE_OUT_OF_RANGE', message: 'Một số gửi lên (mã số, số lượng) vượt quá giới hạn cho phép.' } });
  }
  // a reference to a row that does not exist (an id of another organisation, a deleted delegate …) or a second row where one
  // is allowed: the routes check what they can first; these are the database's own guards, and the transaction was rolled back
  if (dbCode === '23503' || dbCode === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return reply.status(400).send({ error: { code: 'REFERENCE_NOT_FOUND', message: 'Một mã số gửi lên không trỏ tới bản ghi nào có thật. Thao tác chưa được thực hiện.' } });
  }
  if (dbCode === '23505' || dbCode === 'SQLITE_CONSTRAINT_UNIQUE' || dbCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return reply.status(409).send({ error: { code: 'ALREADY_EXISTS', message: 'Bản ghi này đã có. Thao tác chưa được thực hiện.' } });
  }
  if (process.env.DAIHOI_DEBUG_ERRORS) console.error(error);
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Lỗi hệ thống. Thao tác chưa được thực hiện; vui lòng thử lại.' } });
}
