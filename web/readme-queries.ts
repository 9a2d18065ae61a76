/** One ```graphql block of the README, named by the nearest heading above it. */
export interface ReadmeQuery {
  title: string;
  query: string;
}

/**
 * The README's GraphQL examples that are queries (a block with any mutation is left out: a tab opened
 * by default should be safe to run). Titles repeat a heading with a counter when it has several examples.
 */
export function readmeQueries(markdown: string): ReadmeQuery[] {
  const found: ReadmeQuery[] = [];
  const perHeading = new Map<string, number>();
  let heading = "Example";
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const title = /^#{1,6}\s+(.*)$/.exec(line);
    if (title?.[1]) heading = title[1].trim();
    if (line.trim() !== "```graphql") continue;
    const body: string[] = [];
    for (i++; i < lines.length && (lines[i] ?? "").trim() !== "```"; i++) body.push(lines[i] ?? "");
    const query = body.join("\n").trim();
    if (query === "" || /^\s*mutation\b/m.test(query)) continue;
    const count = (perHeading.get(heading) ?? 0) + 1;
    perHeading.set(heading, count);
    const name = operationName(heading) + (count === 1 ? "" : String(count));
    // GraphiQL titles a tab by its operation's name: an anonymous `{ … }` is named after its heading.
    found.push({
      title: count === 1 ? heading : `${heading} (${count})`,
      query: query.replace(/^\{/, `query ${name} {`),
    });
  }
  return found;
}

/** "1. Benchmark: aggregate actions by any dimensions" → "BenchmarkAggregateActionsBy". */
function operationName(heading: string): string {
  const words = heading
    .replace(/^[\d.\s]+/, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .slice(0, 4);
  const name = words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join("");
  return /^[A-Za-z]/.test(name) ? name : `Example${name}`;
}
