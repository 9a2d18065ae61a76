import { AppError } from "../../../shared/errors/app-error.js";

/** Why a whole document was rejected; per-line problems are warnings in the plan instead. */
export const planParseErrorCodes = {
  emptyDocument: "import.empty_document",
  binaryContent: "import.binary_content",
  unknownLayout: "import.unknown_layout",
  tooLarge: "import.too_large",
} as const;
export type PlanParseErrorCode = (typeof planParseErrorCodes)[keyof typeof planParseErrorCodes];

/** Documents larger than this (UTF-8 bytes) are refused before any parsing work. */
export const maxPlanBytes = 5 * 1024 * 1024;

/** A document that cannot be parsed at all. `line`/`column` are 1-based, null when no one place is to blame. */
export class PlanParseError extends AppError {
  override readonly code: PlanParseErrorCode;
  readonly line: number | null;
  readonly column: number | null;

  constructor(code: PlanParseErrorCode, message: string, where: { line?: number; column?: number } = {}) {
    super(code, message, {
      ...(where.line === undefined ? {} : { line: where.line }),
      ...(where.column === undefined ? {} : { column: where.column }),
    });
    this.name = "PlanParseError";
    this.code = code;
    this.line = where.line ?? null;
    this.column = where.column ?? null;
  }
}
