import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DECISION_NUMBER_PATTERN } from '../modules/orgs/orgs.rules.js';

// Schemas shared by several modules' routes; each route validates its input with them.

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD', examples: ['2025-07-01'] });
export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
};
export const Decision = Type.Object(
  {
    number: Type.Optional(Type.Union([Type.String({ pattern: DECISION_NUMBER_PATTERN, maxLength: 40 }), Type.Null()], { description: 'e.g. 2314-QĐ/TU' })),
    date: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    issuer: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);
// null first: with type coercion on, a string branch tried first would turn null into ""
export const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});
export type DecisionInput = Static<typeof Decision>;
