import { GraphQLScalarType, valueFromASTUntyped } from "graphql";

/** Any JSON value, as stored: the audit trail's before and after images. Output only in practice. */
export const JsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: "JSON",
  description: "Any JSON value (object, array, string, number, boolean or null), passed through as stored.",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
