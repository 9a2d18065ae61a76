import { describe, expect, it } from "vitest";
import {
  generateToken,
  hashesEqual,
  hashToken,
  isWellFormedToken,
  tokenPrefix,
  visiblePrefix,
} from "../../../src/modules/identity/api-key.token.js";

describe("API key tokens", () => {
  it("have the cpcg_ prefix, 36 base62 characters and a valid checksum", () => {
    const token = generateToken();
    expect(token).toMatch(/^cpcg_[0-9A-Za-z]{36}$/);
    expect(token.startsWith(tokenPrefix)).toBe(true);
    expect(isWellFormedToken(token)).toBe(true);
  });

  it("differ from one another", () => {
    const tokens = new Set(Array.from({ length: 50 }, () => generateToken()));
    expect(tokens.size).toBe(50);
  });

  it("reject a changed character, a truncation, a wrong prefix and junk", () => {
    const token = generateToken();
    const last = token.at(-1) === "a" ? "b" : "a";
    expect(isWellFormedToken(token.slice(0, -1) + last)).toBe(false);
    const firstBody = token[5] === "a" ? "b" : "a";
    expect(isWellFormedToken(token.slice(0, 5) + firstBody + token.slice(6))).toBe(false);
    expect(isWellFormedToken(token.slice(0, -1))).toBe(false);
    expect(isWellFormedToken("ghp_" + token.slice(5))).toBe(false);
    expect(isWellFormedToken("not a key")).toBe(false);
  });

  it("hash to 32 bytes of SHA-256, compared in constant time", () => {
    // SHA-256("abc"), the FIPS 180-2 test vector.
    expect(hashToken("abc").toString("hex")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = generateToken();
    expect(hashesEqual(hashToken(token), hashToken(token))).toBe(true);
    expect(hashesEqual(hashToken(token), hashToken(generateToken()))).toBe(false);
    expect(hashesEqual(hashToken(token), Buffer.alloc(3))).toBe(false);
  });

  it("keep a short visible prefix for listings", () => {
    const token = generateToken();
    expect(visiblePrefix(token)).toBe(token.slice(0, 13));
  });
});
