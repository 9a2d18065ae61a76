import { AppError } from "../../shared/errors/app-error.js";
import { defineErrorCodes } from "../../shared/errors/error-code.js";

export const peerGroupErrorCodes = defineErrorCodes({
  notFound: { reason: "peer_group.not_found", errorClass: "NOT_FOUND" },
});

export function peerGroupNotFound(slug: string, argument: string): AppError {
  return new AppError(peerGroupErrorCodes.notFound, `No peer group has the slug "${slug}"; list them with peerGroups`, {
    argument,
  });
}
