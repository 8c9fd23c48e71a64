import { Type, type Static } from '@sinclair/typebox';
import { maxInteger } from './schemas.js';

/** Query of a DELETE: the version the client saw, so deleting a record changed meanwhile gets 409. */
export const DeleteQuery = Type.Object(
  {
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: maxInteger,
        description: 'The version you read; a stale one gets 409.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DeleteQuery = Static<typeof DeleteQuery>;
