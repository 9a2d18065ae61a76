import type { ViewProps } from "../app.js";

export function DraftReviewView(_props: ViewProps) {
  return (
    <section aria-labelledby="drafts-title">
      <h1 id="drafts-title">Draft review</h1>
    </section>
  );
}
