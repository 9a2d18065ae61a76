import { describe, expect, it } from "vitest";
import { clientAddress } from "../../src/app/client-address.js";
import { loadConfig } from "../../src/config.js";

describe("the client address the rate limits count by", () => {
  it("is the connection's address when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress({ address: "203.0.113.9", forwardedFor: "198.51.100.1" }, 0)).toBe("203.0.113.9");
  });

  it("spells an IPv4 client on a dual-stack socket as IPv4", () => {
    expect(clientAddress({ address: "::ffff:127.0.0.1", forwardedFor: undefined }, 0)).toBe("127.0.0.1");
  });

  it("behind trusted proxies, is the entry that many from the right, ignoring what the client prepended", () => {
    // Client 198.51.100.7 sent a forged entry; the one proxy (10.0.0.2) appended what it saw.
    const peer = { address: "10.0.0.2", forwardedFor: "192.0.2.66, 198.51.100.7" };
    expect(clientAddress(peer, 1)).toBe("198.51.100.7");
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddress({ address: "10.0.0.3", forwardedFor: "192.0.2.66, 198.51.100.7, 10.0.0.2" }, 2)).toBe(
      "198.51.100.7",
    );
  });

  it("falls back to the leftmost entry when fewer proxies wrote than are trusted", () => {
    expect(clientAddress({ address: "10.0.0.2", forwardedFor: undefined }, 2)).toBe("10.0.0.2");
  });

  it("reads the limits from the environment, checked like every setting", () => {
    expect(loadConfig({})).toMatchObject({
      rateLimitMutationsPerMinute: 60,
      rateLimitImportsPerHour: 20,
      rateLimitAuthFailuresPerMinute: 10,
      rateLimitMaxSubjects: 100_000,
      trustProxyHops: 0,
    });
    expect(loadConfig({ RATE_LIMIT_MUTATIONS_PER_MINUTE: "0", TRUST_PROXY_HOPS: "1" })).toMatchObject({
      rateLimitMutationsPerMinute: 0,
      trustProxyHops: 1,
    });
    expect(() => loadConfig({ RATE_LIMIT_IMPORTS_PER_HOUR: "-1" })).toThrow(
      /RATE_LIMIT_IMPORTS_PER_HOUR must be an integer/,
    );
    expect(() => loadConfig({ RATE_LIMIT_MAX_SUBJECTS: "10" })).toThrow(/RATE_LIMIT_MAX_SUBJECTS/);
  });
});
