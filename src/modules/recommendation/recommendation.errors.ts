import { defineErrorCodes } from "../../shared/errors/error-code.js";

export const recommendationErrorCodes = defineErrorCodes({
  // Also the answer for a recommendation the caller may not change (addAction), as for any object not theirs.
  notFound: { reason: "recommendation.not_found", errorClass: "NOT_FOUND" },
});
