import { AsyncLocalStorage } from "node:async_hooks";

/** What the access log reports about one HTTP request, filled in while it runs. */
export interface RequestContext {
  readonly id: string;
  /** SQL statements issued on this request's behalf (drizzle's logger hook counts them). */
  statements: number;
  /** The GraphQL operation Apollo resolved, when the request was one. */
  operationName: string | null;
  /** Aborts when the request's deadline passes or its client goes away: its SQL is cancelled then. */
  readonly signal?: AbortSignal;
}

// Async context rather than an argument: drizzle's logger and DataLoader batches run deep below
// the request handler, with no parameter that could carry the request through.
const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The request the current code runs for, or undefined outside one (start-up, seeding, CLI). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
