import { useEffect, useState } from "react";
import type { Operation } from "./generated.js";

/** A GraphQL error as the service words it: its message and its namespaced reason. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly reason: string | undefined,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface GraphQLResponse<Result> {
  data?: Result | null;
  errors?: { message: string; extensions?: { reason?: string } }[];
}

/** One request to the service's own /graphql; a partial answer with errors is an error. */
export async function request<Result, Variables>(
  operation: Operation<Result, Variables>,
  variables: Variables,
  authorization?: string,
): Promise<Result> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      ...(authorization ? { authorization: `Bearer ${authorization}` } : {}),
    },
    body: JSON.stringify({ query: operation, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<Result>;
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.reason);
  if (body.data === undefined || body.data === null)
    throw new ApiError(`The service answered ${response.status}`, undefined);
  return body.data;
}

export type QueryState<Result> =
  | { status: "loading"; data: Result | undefined }
  | { status: "done"; data: Result }
  | { status: "failed"; error: ApiError | Error; data: undefined };

/**
 * Runs an operation whenever its variables change (compared as JSON); a slower earlier answer never
 * overwrites a later one. The previous data stays on screen while the next loads.
 */
export function useQuery<Result, Variables>(
  operation: Operation<Result, Variables>,
  variables: Variables,
  options: { skip?: boolean; authorization?: string; refresh?: number } = {},
): QueryState<Result> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<Result>>({ status: "loading", data: undefined });
  useEffect(() => {
    if (options.skip) return undefined;
    let current = true;
    setState((previous) => ({ status: "loading", data: previous.data }));
    request(operation, JSON.parse(key) as Variables, options.authorization).then(
      (data) => current && setState({ status: "done", data }),
      (error: unknown) =>
        current &&
        setState({
          status: "failed",
          error: error instanceof Error ? error : new Error(String(error)),
          data: undefined,
        }),
    );
    return () => {
      current = false;
    };
  }, [operation, key, options.skip, options.authorization, options.refresh]);
  return state;
}
