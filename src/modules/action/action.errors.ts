import { defineErrorCodes } from "../../shared/errors/error-code.js";

export const actionErrorCodes = defineErrorCodes({
  // Also the answer for an action the caller may not change, so a key learns nothing of others' plans.
  notFound: { reason: "action.not_found", errorClass: "NOT_FOUND" },
  // A status is only true once it has happened: an update dated after today would count before its day.
  recordedInFuture: { reason: "progress.recorded_in_future", errorClass: "BAD_USER_INPUT" },
  retiredInFuture: { reason: "action.retired_in_future", errorClass: "BAD_USER_INPUT" },
  alreadyRetired: { reason: "action.already_retired", errorClass: "BAD_USER_INPUT" },
});
