// Request schemas of the resolution routes (TypeBox); the web app mirrors these shapes in features/resolutions/types.ts.
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable } from '../../server/schemas.js';
import { AGGREGATIONS, AREAS, DIRECTIONS, ELEMENT_KINDS, PERIOD_PATTERN, TASK_STATUSES } from './resolutions.rules.js';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const RESOLUTION_KINDS = ['congress', 'executive_committee', 'standing_committee'] as const;

export const TargetBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    unit: Type.String({ minLength: 1, maxLength: 40 }),
    direction: lit(DIRECTIONS),
    area: lit(AREAS),
    responsibleBody: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    indicatorCode: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$' }))),
    aggregation: Type.Optional(lit(AGGREGATIONS)),
    baselineValue: Type.Optional(Nullable(Type.Number())),
    baselineDate: Type.Optional(Nullable(IsoDate)),
    targetValue: Type.Number(),
    deadline: IsoDate,
    yearly: Type.Optional(Type.Boolean()),
    milestones: Type.Optional(Type.Array(Type.Object({ year: Type.Integer({ minimum: 1930, maximum: 2100 }), value: Type.Number() }, { additionalProperties: false }), { maxItems: 20 })),
    tolerance: Type.Optional(Type.Number({ minimum: 0 })),
    sourceQuote: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type TargetBodyT = Static<typeof TargetBody>;
/** an edit of a target: any of its fields; those not sent keep their stored value */
export const TargetPatchBody = Type.Partial(TargetBody, { additionalProperties: false, minProperties: 1 });

export const ElementEditBody = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 1000 }), description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))) },
  { additionalProperties: false },
);

export const ElementBody = Type.Object(
  { kind: lit(ELEMENT_KINDS), title: Type.String({ minLength: 1, maxLength: 1000 }), description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))) },
  { additionalProperties: false },
);

const header = {
  kind: lit(RESOLUTION_KINDS),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  number: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  adoptedOn: IsoDate,
  termStart: Type.Integer({ minimum: 1930, maximum: 2100 }),
  termEnd: Type.Integer({ minimum: 1930, maximum: 2100 }),
  motto: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
};

export const ResolutionHeaderBody = Type.Object(header, { additionalProperties: false });
export const ResolutionBody = Type.Object(
  {
    ...header,
    sourceText: Type.Optional(Nullable(Type.String({ maxLength: 200_000 }))),
    targets: Type.Array(TargetBody, { maxItems: 100 }),
    elements: Type.Array(ElementBody, { maxItems: 100 }),
  },
  { additionalProperties: false },
);

export const TaskBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 1000 }),
    targetId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    elementId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    ownerOrgId: Type.Integer({ minimum: 1 }),
    responsiblePerson: Type.String({ maxLength: 200 }),
    expectedResult: Type.String({ maxLength: 2000 }),
    startOn: Type.Optional(Nullable(IsoDate)),
    dueOn: IsoDate,
    status: lit(TASK_STATUSES),
    evidence: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    responsibleUserId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: "the responsible person's account, who receives reminders" }))),
  },
  { additionalProperties: false },
);

export const TaskProgressBody = Type.Object(
  { status: lit(TASK_STATUSES), evidence: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
  { additionalProperties: false },
);

export const FiguresBody = Type.Object(
  {
    period: Type.String({ pattern: PERIOD_PATTERN, description: '"2026" or "2026-Q3"' }),
    figures: Type.Array(
      Type.Object(
        {
          targetId: Type.Integer({ minimum: 1 }),
          value: Type.Number(),
          source: Type.String({ minLength: 1, maxLength: 500 }),
          reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
