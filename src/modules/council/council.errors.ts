import { AppError } from "../../shared/errors/app-error.js";

export const councilErrorCodes = {
  notFound: "council.not_found",
  badGssCode: "council.bad_gss_code",
  ambiguousLookup: "council.ambiguous_lookup",
} as const;

export function councilNotFound(key: string, argument: string): AppError {
  return new AppError(councilErrorCodes.notFound, `No English council has ${key}`, { argument });
}

export function badGssCode(value: string, argument: string): AppError {
  return new AppError(
    councilErrorCodes.badGssCode,
    `"${value}" is not a GSS code: expected E followed by eight digits, as E07000073`,
    { argument },
  );
}
