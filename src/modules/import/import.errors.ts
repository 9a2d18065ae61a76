import { AppError } from "../../shared/errors/app-error.js";
import { defineErrorCodes } from "../../shared/errors/error-code.js";

export const importErrorCodes = defineErrorCodes({
  invalidOption: { reason: "import.invalid_option", errorClass: "BAD_USER_INPUT" },
  // Only the command line reads files; over GraphQL the document comes in the request.
  fileNotFound: { reason: "import.file_not_found", errorClass: "BAD_USER_INPUT" },
  // The command line's --manifest: which file goes to which council, challenge and day.
  badManifest: { reason: "import.bad_manifest", errorClass: "BAD_USER_INPUT" },
});

export function invalidImportOption(argument: string, message: string): AppError {
  return new AppError(importErrorCodes.invalidOption, message, { argument });
}

export function importFileNotFound(file: string): AppError {
  return new AppError(importErrorCodes.fileNotFound, `No such file: ${file}`, { argument: "file" });
}

/** `where`: the CSV line, or the JSON array's entry number (from 1). */
export function badManifest(message: string, where: { line?: number; entry?: number } = {}): AppError {
  return new AppError(importErrorCodes.badManifest, message, { argument: "manifest", ...where });
}
