import { AppError } from "../../shared/errors/app-error.js";

export const importErrorCodes = {
  invalidOption: "import.invalid_option",
} as const;

export function invalidImportOption(argument: string, message: string): AppError {
  return new AppError(importErrorCodes.invalidOption, message, { argument });
}
