import { Type, type Static } from 'typebox';
import { ListQuery, Version } from '../../lib/http/schemas.ts';
import { ROLES } from '../../codes.ts';
import { CASE_MANAGEMENT_MODELS } from './models.ts';

const ModelSchema = Type.Enum(CASE_MANAGEMENT_MODELS);
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]);

export const ProgramSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  caseManagementModel: ModelSchema,
  description: Description,
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ProgramView = Static<typeof ProgramSchema>;

export const ProgramListQuery = Type.Object({ ...ListQuery });
export type ProgramListQuery = Static<typeof ProgramListQuery>;

export const CreateProgramBody = Type.Object(
  { name: Name, caseManagementModel: ModelSchema, description: Type.Optional(Description) },
  { additionalProperties: false },
);
export type CreateProgramBody = Static<typeof CreateProgramBody>;

export const UpdateProgramBody = Type.Object(
  {
    version: Type.Optional(Version),
    name: Type.Optional(Name),
    caseManagementModel: Type.Optional(ModelSchema),
    description: Type.Optional(Description),
  },
  { additionalProperties: false },
);
export type UpdateProgramBody = Static<typeof UpdateProgramBody>;

export const ProgramMember = Type.Object({
  id: Type.String({ format: 'uuid' }),
  displayName: Type.String(),
  roles: Type.Array(Type.Enum(ROLES)),
});
