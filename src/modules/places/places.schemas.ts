import { Type, type Static } from '@sinclair/typebox';
import { maxInteger, Nullable } from '../../platform/http/schemas.js';

export const PlaceParams = Type.Object(
  { geonamesId: Type.Integer({ minimum: 1, maximum: maxInteger, description: 'GeoNames id of the place.' }) },
  { additionalProperties: false },
);

export const Place = Type.Object(
  {
    geonamesId: Type.Integer(),
    name: Type.String({ description: 'English name, else the local one.' }),
    localName: Type.String(),
    country: Type.String(),
    featureCode: Nullable(Type.String()),
    population: Type.Integer(),
    latitude: Type.Number(),
    longitude: Type.Number(),
    lauCode: Nullable(Type.String()),
    nutsCode: Nullable(Type.String()),
    names: Type.Array(Type.Object({ name: Type.String(), languages: Type.Array(Type.String()) })),
    organisation: Nullable(
      Type.Object(
        { id: Type.String({ format: 'uuid' }), slug: Type.String(), name: Type.String() },
        { description: 'The authority of the registry that represents this place.' },
      ),
    ),
  },
  { $id: 'Place', title: 'Place (GeoNames)' },
);
export type Place = Static<typeof Place>;
