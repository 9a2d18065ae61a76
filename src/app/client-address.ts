import type { HttpCaller } from "../shared/http/http-caller.js";

/**
 * The client's address as the rate limits see it. Behind `trustProxyHops` proxies, each appending
 * the address it received from to X-Forwarded-For, the client is that many entries from the right
 * (counting the connection itself): entries further left were written by the client and could be
 * anything, so they are never believed.
 */
export function clientAddress(peer: HttpCaller["peer"], trustProxyHops: number): string {
  const socket = normalise(peer.address ?? "unknown");
  if (trustProxyHops === 0) return socket;
  const chain = [
    ...(peer.forwardedFor ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ""),
    socket,
  ];
  return normalise(chain[Math.max(0, chain.length - 1 - trustProxyHops)] ?? socket);
}

// An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d: one client, one spelling.
function normalise(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase();
}
