import type { PendingQuery, Row, Sql } from "postgres";
import { currentRequest } from "../request-context.js";

type Cancellable = Pick<PendingQuery<Row[]>, "cancel">;

/**
 * The postgres.js client as drizzle sees it, except that every statement sent on behalf of an
 * HTTP request is cancelled (PostgreSQL's own cancel, SQLSTATE 57014) when that request's signal
 * aborts: its deadline passed or its client went away. Without it the pool stays busy with work
 * nobody waits for. Statements in transactions and savepoints are bound too, so a cancelled write
 * rolls back whole. Outside a request (start-up, seeding, the CLI) nothing changes.
 */
export function cancellableClient<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === "unsafe") {
        return (...args: unknown[]) => cancelWithRequest(method.apply(target, args) as Cancellable);
      }
      if (property === "begin" || property === "savepoint") {
        // postgres.js takes (fn) or (options, fn): the callback is always last, and gets the transaction's client.
        return (...args: unknown[]) => {
          const callback = args.pop() as (transaction: Sql) => unknown;
          return method.apply(target, [...args, (transaction: Sql) => callback(cancellableClient(transaction))]);
        };
      }
      return value;
    },
  });
}

function cancelWithRequest<Q extends Cancellable>(query: Q): Q {
  const signal = currentRequest()?.signal;
  if (signal === undefined) return query;
  const cancel = () => void query.cancel();
  // Already past its deadline: postgres.js drops a query cancelled before it was sent.
  if (signal.aborted) {
    cancel();
    return query;
  }
  // Not removed when the query settles: subscribing to its outcome would run it before drizzle has
  // set its options (`.values()`), and cancelling a finished query does nothing. The listeners go
  // with the request.
  signal.addEventListener("abort", cancel, { once: true });
  return query;
}
