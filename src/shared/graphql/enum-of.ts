/** A GraphQL enum object from a drizzle pgEnum's values, so the database and the API share one list. */
export const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
