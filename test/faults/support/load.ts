/** One answered (or failed) request of a load run, as the client saw it. */
export interface Outcome {
  startedAt: number;
  ms: number;
  /** HTTP status, or 0 when no response arrived (connection refused, reset, client timeout). */
  status: number;
  reasons: string[];
  error?: string;
}

/** Sends one GraphQL POST and records what came back, including the `extensions.reason` of every error. */
export async function send(
  base: string,
  body: unknown,
  { timeoutMs = 30_000, headers = {} }: { timeoutMs?: number; headers?: Record<string, string> } = {},
): Promise<Outcome> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { startedAt, ms: performance.now() - startedAt, status: response.status, reasons: reasonsOf(text) };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : "";
    return {
      startedAt,
      ms: performance.now() - startedAt,
      status: 0,
      reasons: [],
      error: `${error instanceof Error ? error.message : String(error)} ${cause}`.trim(),
    };
  }
}

function reasonsOf(text: string): string[] {
  try {
    const parsed = JSON.parse(text) as { errors?: { extensions?: { reason?: unknown } }[] };
    return (parsed.errors ?? []).map((e) => String(e.extensions?.reason));
  } catch {
    return ["(not JSON)"];
  }
}

/**
 * `connections` loops sending `body` back to back until `until()` says stop; every outcome is
 * kept. Bounded by the caller's `until` and by each request's own timeout.
 */
export async function loadUntil(
  connections: number,
  until: () => boolean,
  next: () => Promise<Outcome>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!until()) outcomes.push(await next());
    }),
  );
  return outcomes;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A figure the fault suite measured, printed beside the verdict (vitest shows a test's stdout). */
export function report(line: string): void {
  process.stdout.write(`${line}\n`);
}
