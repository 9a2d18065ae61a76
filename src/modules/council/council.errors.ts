import { AppError } from "../../shared/errors/app-error.js";
import { defineErrorCodes } from "../../shared/errors/error-code.js";

export const councilErrorCodes = defineErrorCodes({
  notFound: { reason: "council.not_found", errorClass: "NOT_FOUND" },
  badGssCode: { reason: "council.bad_gss_code", errorClass: "BAD_USER_INPUT" },
  ambiguousLookup: { reason: "council.ambiguous_lookup", errorClass: "BAD_USER_INPUT" },
});

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
