import { AppError } from "../../shared/errors/app-error.js";

export const themeErrorCodes = { notFound: "theme.not_found" } as const;

export function themeNotFound(code: string, argument: string): AppError {
  return new AppError(themeErrorCodes.notFound, `No theme has the code "${code}"; the taxonomy is listed by themes`, {
    argument,
  });
}
