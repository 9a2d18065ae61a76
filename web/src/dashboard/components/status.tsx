import { ApiError, type QueryState } from "../api/client.js";

/** What a view shows while its one request is under way or when it failed. */
export function QueryStatus<T>({ state, what }: { state: QueryState<T>; what: string }) {
  if (state.status === "failed") {
    const reason = state.error instanceof ApiError && state.error.reason ? ` (${state.error.reason})` : "";
    return (
      <p role="alert" className="error">
        Could not load {what}: {state.error.message}
        {reason}
      </p>
    );
  }
  if (state.status === "loading")
    return (
      <p role="status" className="loading">
        Loading {what}…
      </p>
    );
  return null;
}
