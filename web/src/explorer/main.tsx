import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readmeQueries } from "virtual:readme-queries";
import { graphqlFetcher } from "./fetcher.js";

const container = document.getElementById("explorer");
if (container === null) throw new Error("The explorer page has no #explorer element");

// Tabs open with the README's examples only until someone edits them: GraphiQL keeps its own tabs
// in localStorage from then on.
createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={graphqlFetcher(new URL("/graphql", window.location.href).toString())}
      defaultTabs={readmeQueries.map(({ title, query }) => ({ query: `# ${title}\n${query}\n` }))}
      defaultEditorToolsVisibility="variables"
    />
  </StrictMode>,
);
