import type { PendingQuery, Row, Sql } from "postgres";
import { currentRequest, type RequestContext } from "../request-context.js";

type Pending = PendingQuery<Row[]>;

/**
 * The postgres.js client as drizzle sees it, bound to the HTTP request each statement runs for:
 * - a request runs at most `perRequest` statements at a time, so that one request's twenty
 *   benchmarks cannot take every pool connection while a cheap lookup waits behind them;
 * - every statement is cancelled (PostgreSQL's own cancel, SQLSTATE 57014) when the request's
 *   signal aborts, because its deadline passed or its client went away: without it the pool stays
 *   busy with work nobody waits for. Statements in transactions and savepoints are bound too, so
 *   a cancelled write rolls back whole.
 * Outside a request (start-up, seeding, the CLI) nothing changes.
 */
export function requestBoundClient<T extends Sql>(client: T, perRequest: number): T {
  return bind(client, perRequest, false);
}

function bind<T extends Sql>(client: T, perRequest: number, inTransaction: boolean): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === "unsafe") {
        return (...args: unknown[]) => {
          const request = currentRequest();
          const query = method.apply(target, args) as Pending;
          if (request === undefined) return query;
          cancelWith(request.signal, query);
          // A transaction's statements already share its one connection, one after another.
          return inTransaction ? query : gated(query, slotsOf(request, perRequest));
        };
      }
      if (property === "begin" || property === "savepoint") {
        // postgres.js takes (fn) or (options, fn): the callback is always last, and gets the transaction's client.
        return (...args: unknown[]) => {
          const callback = args.pop() as (transaction: Sql) => unknown;
          return method.apply(target, [...args, (transaction: Sql) => callback(bind(transaction, perRequest, true))]);
        };
      }
      return value;
    },
  });
}

function cancelWith(signal: AbortSignal | undefined, query: Pending): void {
  if (signal === undefined) return;
  const cancel = () => void query.cancel();
  // Already past its deadline: postgres.js drops a query cancelled before it was sent.
  if (signal.aborted) return cancel();
  // Not removed when the query settles: subscribing to its outcome would run it before drizzle has
  // set its options (`.values()`), and cancelling a finished query does nothing. The listeners go
  // with the request.
  signal.addEventListener("abort", cancel, { once: true });
}

/** A counting semaphore: at most `size` holders, the rest wait in order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async run<R>(work: () => PromiseLike<R>): Promise<R> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

const slotsByRequest = new WeakMap<RequestContext, Slots>();

function slotsOf(request: RequestContext, size: number): Slots {
  let slots = slotsByRequest.get(request);
  if (!slots) slotsByRequest.set(request, (slots = new Slots(size)));
  return slots;
}

/**
 * The query as drizzle uses it (`await`, `.values()`), started only once the request has a slot:
 * postgres.js sends a query when it is first awaited, so holding back the await holds it back.
 */
function gated(query: Pending, slots: Slots): Pending {
  let started: Promise<Row[]> | undefined;
  const run = () => (started ??= slots.run(() => query));
  const wrapper = {
    values() {
      void query.values();
      return wrapper;
    },
    cancel: () => query.cancel(),
    then: (onFulfilled?: (rows: Row[]) => unknown, onRejected?: (reason: unknown) => unknown) =>
      run().then(onFulfilled, onRejected),
    catch: (onRejected?: (reason: unknown) => unknown) => run().catch(onRejected),
    finally: (onFinally?: () => void) => run().finally(onFinally),
  };
  return wrapper as unknown as Pending;
}
