import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, OperationTypeNode, type DocumentNode, type SelectionSetNode } from "graphql";
import type { AppContext } from "../context.js";
import { formatAppError } from "../shared/errors/app-error.js";
import type { Logger } from "../shared/logger.js";
import { importFields, rateLimitSubject, type RateLimits } from "./rate-limit.policies.js";
import { rateLimitRefusal } from "./rate-limit.refusal.js";

/**
 * Charges each mutation operation to its caller's budgets once Apollo knows what it is, before any
 * resolver runs: one unit of `mutations` per root mutation field (aliases count: twenty aliased
 * edits are twenty edits) and one of `imports` per import field. Whether the operation came as
 * JSON or as a multipart upload, it passes here. Refused, nothing runs and nothing is spent: HTTP
 * 429, `Retry-After`, `request.rate_limited`. Only HTTP requests carry a client address; operations
 * run in-process (tests, tools) are not limited, nor is the CLI, which does not pass here.
 */
export function rateLimitPlugin(limits: RateLimits, logger: Logger): ApolloServerPlugin<AppContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation({ operation, document, contextValue, request }) {
          const address = contextValue.clientAddress;
          if (operation?.operation !== OperationTypeNode.MUTATION || address === null) return;
          const fields = rootFieldNames(operation.selectionSet, document);
          const subject = rateLimitSubject(contextValue.identity, address);
          const outcome = await limits.limiter.takeAll([
            { policy: limits.mutations, subject, cost: fields.length },
            { policy: limits.imports, subject, cost: fields.filter((name) => importFields.has(name)).length },
          ]);
          if (outcome.allowed) return;
          const authorization = request.http?.headers.get("authorization");
          const error = rateLimitRefusal(logger, outcome.refused, { authorization, clientAddress: address, subject });
          // A GraphQLError carrying its HTTP status: Apollo answers what a plugin throws with extensions.http.
          throw new GraphQLError(error.message, {
            originalError: error,
            extensions: {
              ...formatAppError(error).extensions,
              http: { status: 429, headers: new HeaderMap([["retry-after", String(error.retryAfterSeconds)]]) },
            },
          });
        },
      });
    },
  };
}

/** The root fields an operation selects, through fragments, each alias counted. */
function rootFieldNames(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFieldNames(selection.selectionSet, document, seen);
    const name = selection.name.value;
    if (seen.has(name)) return [];
    seen.add(name);
    const fragment = document.definitions.find(
      (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === name,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootFieldNames(fragment.selectionSet, document, seen) : [];
  });
}
