import { AppError } from "../../shared/errors/app-error.js";

export const peerGroupErrorCodes = { notFound: "peer_group.not_found" } as const;

export function peerGroupNotFound(slug: string, argument: string): AppError {
  return new AppError(peerGroupErrorCodes.notFound, `No peer group has the slug "${slug}"; list them with peerGroups`, {
    argument,
  });
}
