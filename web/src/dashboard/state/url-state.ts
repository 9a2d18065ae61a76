import { useCallback, useEffect, useState } from "react";

/** The dashboard's views, each at its own path (the server serves the page at each). */
export const views = {
  peerGroup: { path: "/", label: "Peer group" },
  council: { path: "/council", label: "Council" },
  overdue: { path: "/overdue", label: "Overdue actions" },
  drafts: { path: "/drafts", label: "Draft review" },
} as const;
export type View = keyof typeof views;

export interface Location {
  view: View;
  params: URLSearchParams;
}

function readLocation(): Location {
  const entry = Object.entries(views).find(([, { path }]) => path === window.location.pathname);
  return { view: (entry?.[0] as View | undefined) ?? "peerGroup", params: new URLSearchParams(window.location.search) };
}

/** Today in UTC, as the API's `asOf` defaults to. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The whole state of the dashboard is in the URL (path = view, query = everything else), so that a
 * view can be shared as a link and the browser's back button undoes a change. `navigate` pushes a new
 * entry; `replace` rewrites the current one (for defaults filled in on arrival).
 */
export function useLocationState(): {
  location: Location;
  navigate: (view: View, params: Record<string, string | undefined>, replace?: boolean) => void;
  update: (patch: Record<string, string | undefined>, replace?: boolean) => void;
} {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const onPop = () => setLocation(readLocation());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const navigate = useCallback((view: View, params: Record<string, string | undefined>, replace = false) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params))
      if (value !== undefined && value !== "") search.set(name, value);
    const url = `${views[view].path}${search.size > 0 ? `?${search.toString()}` : ""}`;
    if (replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
    setLocation(readLocation());
  }, []);
  const update = useCallback(
    (patch: Record<string, string | undefined>, replace = false) => {
      const current = readLocation();
      navigate(current.view, { ...Object.fromEntries(current.params), ...patch }, replace);
    },
    [navigate],
  );
  return { location, navigate, update };
}
