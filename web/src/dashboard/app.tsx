import { useEffect } from "react";
import { AsOfPicker } from "./components/as-of-picker.js";
import { todayIso, useLocationState, views, type View } from "./state/url-state.js";
import { CouncilView } from "./views/council-view.js";
import { DraftReviewView } from "./views/draft-review-view.js";
import { OverdueView } from "./views/overdue-view.js";
import { PeerGroupView } from "./views/peer-group-view.js";

export interface ViewProps {
  params: URLSearchParams;
  asOf: string;
  update: (patch: Record<string, string | undefined>, replace?: boolean) => void;
  navigate: (view: View, params: Record<string, string | undefined>) => void;
}

export function App() {
  const { location, navigate, update } = useLocationState();
  const asOf = location.params.get("asOf") ?? "";
  // A link without a day means today; writing it in keeps the link reproducible tomorrow.
  useEffect(() => {
    if (asOf === "") update({ asOf: todayIso() }, true);
  }, [asOf, update]);
  if (asOf === "") return null;
  const props: ViewProps = { params: location.params, asOf, update, navigate };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">cpc-graph</span>
        <nav aria-label="Views">
          <ul>
            {(Object.keys(views) as View[]).map((view) => (
              <li key={view}>
                <a
                  href={`${views[view].path}?asOf=${asOf}`}
                  aria-current={location.view === view ? "page" : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(view, { asOf });
                  }}
                >
                  {views[view].label}
                </a>
              </li>
            ))}
            <li>
              <a href="/graphql">GraphQL explorer</a>
            </li>
          </ul>
        </nav>
        <AsOfPicker asOf={asOf} onChange={(day) => update({ asOf: day })} />
      </header>
      <main id="main" tabIndex={-1}>
        {location.view === "peerGroup" && <PeerGroupView {...props} />}
        {location.view === "council" && <CouncilView {...props} />}
        {location.view === "overdue" && <OverdueView {...props} />}
        {location.view === "drafts" && <DraftReviewView {...props} />}
      </main>
    </>
  );
}
