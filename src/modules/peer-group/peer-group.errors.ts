import { AppError } from "../../shared/errors/app-error.js";
import { defineErrorCodes } from "../../shared/errors/error-code.js";

export const peerGroupErrorCodes = defineErrorCodes({
  notFound: { reason: "peer_group.not_found", errorClass: "NOT_FOUND" },
  slugTaken: { reason: "peer_group.slug_taken", errorClass: "BAD_USER_INPUT" },
  // Built-in groups are everyone's to read, so refusing a change to one tells nothing new.
  builtIn: { reason: "peer_group.built_in", errorClass: "FORBIDDEN" },
});

export function peerGroupNotFound(slug: string, argument: string): AppError {
  return new AppError(peerGroupErrorCodes.notFound, `No peer group has the slug "${slug}"; list them with peerGroups`, {
    argument,
  });
}

/** The same answer for a group that never existed, was deleted, or is someone else's. */
export function peerGroupIdNotFound(id: string, argument: string): AppError {
  return new AppError(peerGroupErrorCodes.notFound, `No peer group has the ID ${id}; list them with peerGroups`, {
    argument,
  });
}

export function peerGroupSlugTaken(slug: string, argument: string): AppError {
  return new AppError(peerGroupErrorCodes.slugTaken, `A peer group already has the slug "${slug}": choose another`, {
    argument,
  });
}

export function peerGroupBuiltIn(slug: string): AppError {
  return new AppError(
    peerGroupErrorCodes.builtIn,
    `"${slug}" is a built-in peer group and cannot be changed: create a group of your own with createPeerGroup`,
    { argument: "id" },
  );
}
