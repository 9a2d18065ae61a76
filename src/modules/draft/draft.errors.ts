import { AppError } from "../../shared/errors/app-error.js";
import { defineErrorCodes } from "../../shared/errors/error-code.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";

export const draftErrorCodes = defineErrorCodes({
  // Also the answer for a draft the identity may not see: drafts are not public.
  notFound: { reason: "draft.not_found", errorClass: "NOT_FOUND" },
  alreadyOpen: { reason: "draft.already_open", errorClass: "BAD_USER_INPUT" },
  closed: { reason: "draft.closed", errorClass: "BAD_USER_INPUT" },
});

export function draftNotFound(what: string, argument = "input.id"): AppError {
  return new AppError(draftErrorCodes.notFound, `No draft has ${what}`, { argument });
}

export function draftAlreadyOpen(draftId: number): AppError {
  const id = toGlobalId("PlanDraft", draftId);
  return new AppError(
    draftErrorCodes.alreadyOpen,
    `This plan already has an open draft (${id}): publish or discard it before importing another`,
    { argument: "input.council", draftId: id },
  );
}

export function draftClosed(status: string): AppError {
  return new AppError(draftErrorCodes.closed, `The draft is ${status.toLowerCase()}: it can no longer be changed`, {
    argument: "input.id",
  });
}
