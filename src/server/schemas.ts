import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DECISION_NUMBER_PATTERN } from '../modules/orgs/orgs.rules.js';

// Schemas shared by several modules' routes; each route validates its input with them.

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD', examples: ['2025-07-01'] });
export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
};
// A field that may be null. JSON bodies are validated without type coercion (app.ts), so 0, false and null stay as
// sent; an emptied text field ("") of a nullable text means null: `emptyTextToNull` says so before validation.
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
export const Decision = Type.Object(
  {
    number: Type.Optional(Nullable(Type.String({ pattern: DECISION_NUMBER_PATTERN, maxLength: 40, description: 'e.g. 2314-QĐ/TU' }))),
    date: Type.Optional(Nullable(IsoDate)),
    issuer: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});
export type DecisionInput = Static<typeof Decision>;

type SchemaNode = { type?: unknown; properties?: Record<string, SchemaNode>; items?: SchemaNode; anyOf?: SchemaNode[] };
const isNullableText = (schema: SchemaNode | undefined): boolean =>
  !!schema?.anyOf && schema.anyOf.length === 2 && schema.anyOf.some((b) => b.type === 'null') && schema.anyOf.some((b) => b.type === 'string');

/** a JSON body's emptied text fields ("") that may be null become null, where the schema says so (objects, lists, unions of objects) */
export function emptyTextToNull(schema: SchemaNode | undefined, value: unknown): void {
  if (!schema || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (schema.items) for (const item of value) emptyTextToNull(schema.items, item);
    return;
  }
  const record = value as Record<string, unknown>;
  const shapes = [schema, ...(schema.anyOf ?? [])].filter((s) => s.properties);
  for (const shape of shapes) {
    for (const [key, property] of Object.entries(shape.properties!)) {
      if (!(key in record)) continue;
      if (record[key] === '' && isNullableText(property)) record[key] = null;
      else emptyTextToNull(property, record[key]);
    }
  }
}
