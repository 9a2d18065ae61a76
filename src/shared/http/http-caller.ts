import type { IncomingMessage } from "node:http";

/** What a request says about who sends it: the credential, and where it comes from. */
export interface HttpCaller {
  authorization: string | undefined;
  peer: {
    /** The connection's address (the last proxy's, behind proxies). */
    address: string | undefined;
    /** X-Forwarded-For as received: believed only as far as TRUST_PROXY_HOPS allows. */
    forwardedFor: string | undefined;
  };
}

export function httpCaller(req: IncomingMessage): HttpCaller {
  const forwarded = req.headers["x-forwarded-for"];
  return {
    authorization: req.headers.authorization,
    peer: {
      address: req.socket.remoteAddress,
      forwardedFor: Array.isArray(forwarded) ? forwarded.join(", ") : forwarded,
    },
  };
}
