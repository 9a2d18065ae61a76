import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { errorExtensions, sharedErrorCodes } from "../errors/app-error.js";

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = isoDate.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

function parse(value: unknown, node?: ValueNode): string {
  if (typeof value !== "string" || !isIsoDate(value)) {
    throw new GraphQLError(`Expected a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      ...(node ? { nodes: node } : {}),
      extensions: errorExtensions(sharedErrorCodes.invalidDate),
    });
  }
  return value;
}

/** A calendar day with no time zone, as the documents print them. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: "LocalDate",
  description: "A calendar day, written YYYY-MM-DD (ISO 8601), with no time or time zone.",
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError("Expected a calendar date as a YYYY-MM-DD string", {
        nodes: ast,
        extensions: errorExtensions(sharedErrorCodes.invalidDate),
      });
    }
    // The literal's node gives the client the line and column of the bad date.
    return parse(ast.value, ast);
  },
});

/** Today's date in UTC, the default `asOf`. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
