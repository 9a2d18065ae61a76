import { AppError } from "../../shared/errors/app-error.js";
import { defineErrorCodes } from "../../shared/errors/error-code.js";

export const themeErrorCodes = defineErrorCodes({
  notFound: { reason: "theme.not_found", errorClass: "NOT_FOUND" },
});

export function themeNotFound(code: string, argument: string): AppError {
  return new AppError(themeErrorCodes.notFound, `No theme has the code "${code}"; the taxonomy is listed by themes`, {
    argument,
  });
}
