import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, OperationTypeNode, type DocumentNode, type SelectionSetNode } from "graphql";
import type { AppConfig } from "../config.js";
import type { AppContext } from "../context.js";
import { AppError, formatAppError, sharedErrorCodes } from "../shared/errors/app-error.js";
import type { ErrorCode } from "../shared/errors/error-code.js";
import type { Logger } from "../shared/logger.js";
import type { RateLimitDecision } from "../shared/rate-limit/rate-limit.policy.js";
import { measureOperation, type OperationCost } from "./query-cost.js";
import { importFields, rateLimitSubject, type RateLimits } from "./rate-limit.policies.js";
import { rateLimitRefusal } from "./rate-limit.refusal.js";
import { invalidTextArgument } from "./text-input.guard.js";

export type RequestLimitsConfig = Pick<AppConfig, "maxQueryCost" | "maxRootFields" | "maxBenchmarks">;

/** What every response says in `extensions.cost`, so that a client sees what it asked for against the limits. */
export interface CostExtension {
  requested: number;
  limit: number;
  rootFields: number;
  rootFieldLimit: number;
  benchmarks: number;
  benchmarkLimit: number;
  /** The caller's `query_cost` budget after this request, when it has one (HTTP callers, policy on). */
  budget?: { perMinute: number; remaining: number };
}

/**
 * The one place an operation's work is bounded, once Apollo knows which operation runs and with
 * which variables, and before any resolver (so before any SQL): invalid text in its arguments
 * (text-input.guard.ts, `input.invalid`), its estimated cost, its root
 * fields and its benchmark computations against their caps (HTTP 400, nothing runs), then the
 * caller's rate-limit budgets — `query_cost` for every operation, and for mutations one unit of
 * `mutations` per root field (aliases count) and one of `imports` per import field — all spent
 * together or not at all (HTTP 429, `Retry-After`, `request.rate_limited`). Only HTTP requests carry
 * a client address: operations run in-process (tests, tools) have the caps but no budget, and the
 * CLI does not pass here. Every response gets `extensions.cost`.
 */
export function requestLimitsPlugin(
  config: RequestLimitsConfig,
  limits: RateLimits,
  logger: Logger,
): ApolloServerPlugin<AppContext> {
  return {
    requestDidStart() {
      let measured: OperationCost = { cost: 0, rootFields: 0, benchmarks: 0 };
      let budget: RateLimitDecision | undefined;
      return Promise.resolve({
        async didResolveOperation({ operation, document, contextValue, request, schema }) {
          if (!operation) return;
          // Refused first, so that an operation with invalid text spends no budget either.
          const badText = invalidTextArgument({ schema, document, operation, variables: request.variables });
          if (badText) throw refused(badText, 400);
          measured = measureOperation({ schema, document, operation, variables: request.variables });
          const refusal = capRefusal(measured, config);
          if (refusal) throw refused(refusal, 400);

          const address = contextValue.clientAddress;
          if (address === null) return;
          const subject = rateLimitSubject(contextValue.identity, address);
          const fields =
            operation.operation === OperationTypeNode.MUTATION ? rootFieldNames(operation.selectionSet, document) : [];
          const outcome = await limits.limiter.takeAll([
            { policy: limits.queryCost, subject, cost: measured.cost },
            { policy: limits.mutations, subject, cost: fields.length },
            { policy: limits.imports, subject, cost: fields.filter((name) => importFields.has(name)).length },
          ]);
          if (outcome.allowed) {
            budget = outcome.decisions.find((d) => d.policy === limits.queryCost && Number.isFinite(d.remaining));
            return;
          }
          const authorization = request.http?.headers.get("authorization");
          const error = rateLimitRefusal(logger, outcome.refused, { authorization, clientAddress: address, subject });
          throw refused(error, 429, new HeaderMap([["retry-after", String(error.retryAfterSeconds)]]));
        },
        willSendResponse({ response }) {
          if (response.body.kind !== "single") return Promise.resolve();
          const cost: CostExtension = {
            requested: measured.cost,
            limit: config.maxQueryCost,
            rootFields: measured.rootFields,
            rootFieldLimit: config.maxRootFields,
            benchmarks: measured.benchmarks,
            benchmarkLimit: config.maxBenchmarks,
            ...(budget ? { budget: { perMinute: budget.policy.limit, remaining: budget.remaining } } : {}),
          };
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost };
          return Promise.resolve();
        },
      });
    },
  };
}

/** The first cap the operation breaks, most specific first: too many root fields, too many benchmarks, too costly. */
function capRefusal(measured: OperationCost, config: RequestLimitsConfig): AppError | null {
  const over = (code: ErrorCode, message: string, figures: Record<string, number>) =>
    new AppError(code, message, figures);
  if (measured.rootFields > config.maxRootFields) {
    return over(
      sharedErrorCodes.tooManyRootFields,
      `The operation selects ${measured.rootFields} root fields (aliases count); at most ${config.maxRootFields} are allowed`,
      { rootFields: measured.rootFields, maxRootFields: config.maxRootFields },
    );
  }
  if (measured.benchmarks > config.maxBenchmarks) {
    return over(
      sharedErrorCodes.tooManyBenchmarks,
      `The operation asks for ${measured.benchmarks} benchmark computations; at most ${config.maxBenchmarks} are allowed`,
      { benchmarks: measured.benchmarks, maxBenchmarks: config.maxBenchmarks },
    );
  }
  if (measured.cost > config.maxQueryCost) {
    return over(
      sharedErrorCodes.costExceeded,
      `The operation would cost about ${measured.cost}; at most ${config.maxQueryCost} is allowed. Ask for smaller pages, fewer nested lists or fewer benchmark dimensions and periods.`,
      { cost: measured.cost, maxCost: config.maxQueryCost },
    );
  }
  return null;
}

/** A GraphQLError carrying its HTTP status: Apollo answers what a plugin throws with extensions.http. */
function refused(error: AppError, status: number, headers = new HeaderMap()): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { ...formatAppError(error).extensions, http: { status, headers } },
  });
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
