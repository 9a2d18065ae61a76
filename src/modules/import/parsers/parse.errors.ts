import { AppError } from "../../../shared/errors/app-error.js";
import { defineErrorCodes } from "../../../shared/errors/error-code.js";

/** Why a whole document was rejected; per-line problems are warnings in the plan instead. */
export const planParseErrorCodes = defineErrorCodes({
  emptyDocument: { reason: "import.empty_document", errorClass: "BAD_USER_INPUT" },
  binaryContent: { reason: "import.binary_content", errorClass: "BAD_USER_INPUT" },
  unknownLayout: { reason: "import.unknown_layout", errorClass: "BAD_USER_INPUT" },
  tooLarge: { reason: "import.too_large", errorClass: "BAD_USER_INPUT" },
  noPlanFound: { reason: "import.no_plan_found", errorClass: "BAD_USER_INPUT" },
  unsupportedFormat: { reason: "import.unsupported_format", errorClass: "BAD_USER_INPUT" },
  corruptDocument: { reason: "import.corrupt_document", errorClass: "BAD_USER_INPUT" },
  encryptedDocument: { reason: "import.encrypted_document", errorClass: "BAD_USER_INPUT" },
  limitExceeded: { reason: "import.limit_exceeded", errorClass: "BAD_USER_INPUT" },
});
export type PlanParseErrorCode = (typeof planParseErrorCodes)[keyof typeof planParseErrorCodes]["reason"];

/** Documents larger than this (UTF-8 bytes) are refused before any parsing work. */
export const maxPlanBytes = 5 * 1024 * 1024;

/** A document that cannot be parsed at all. `line`/`column` are 1-based, null when no one place is to blame. */
export class PlanParseError extends AppError {
  override readonly reason: PlanParseErrorCode;
  readonly line: number | null;
  readonly column: number | null;

  constructor(reason: PlanParseErrorCode, message: string, where: { line?: number; column?: number } = {}) {
    const code = Object.values(planParseErrorCodes).find((c) => c.reason === reason);
    if (code === undefined) throw new Error(`${reason} is not a parse error code`);
    super(code, message, {
      ...(where.line === undefined ? {} : { line: where.line }),
      ...(where.column === undefined ? {} : { column: where.column }),
    });
    this.name = "PlanParseError";
    this.reason = reason;
    this.line = where.line ?? null;
    this.column = where.column ?? null;
  }
}
