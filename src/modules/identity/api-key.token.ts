import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { crc32 } from "node:zlib";

/**
 * API key tokens, GitHub-token style: `cpcg_` + 30 base62 characters of randomness + 6 base62
 * characters of CRC32 over the random part. The prefix lets secret scanners recognise a leaked key;
 * the checksum lets a typo or a truncated paste be rejected without touching the database.
 */
export const tokenPrefix = "cpcg_";
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const randomLength = 30; // 30 × log2(62) ≈ 178 bits
const checksumLength = 6; // 62^6 > 2^32, so any CRC32 fits
const tokenPattern = new RegExp(`^${tokenPrefix}[0-9A-Za-z]{${randomLength + checksumLength}}$`);
/** How many characters of a token are kept in clear, so a key can be named in listings and logs. */
export const visiblePrefixLength = tokenPrefix.length + 8;

function base62(value: number, width: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = alphabet[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

function checksum(body: string): string {
  return base62(crc32(body) >>> 0, checksumLength);
}

/** A new token; shown once, then only its hash is kept. */
export function generateToken(): string {
  // Rejection sampling: 248 is the largest multiple of 62 below 256, so every character is equally likely.
  let body = "";
  while (body.length < randomLength) {
    for (const byte of randomBytes(randomLength)) {
      if (byte < 248 && body.length < randomLength) body += alphabet[byte % 62];
    }
  }
  return tokenPrefix + body + checksum(body);
}

/** Whether a string is shaped like a token and its checksum holds: no database needed. */
export function isWellFormedToken(token: string): boolean {
  if (!tokenPattern.test(token)) return false;
  const body = token.slice(tokenPrefix.length, tokenPrefix.length + randomLength);
  return checksum(body) === token.slice(tokenPrefix.length + randomLength);
}

/**
 * SHA-256, unsalted. A slow password hash (bcrypt, argon2) protects low-entropy secrets people
 * choose; these carry ~178 random bits, so no guess list exists and a fast hash is as safe while
 * letting every request look its key up by hash in one indexed query.
 */
export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/** Constant-time, so a timing difference cannot reveal how much of a stored hash was matched. */
export function hashesEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The clear part kept for listings and logs; far too short to be used as the key. */
export function visiblePrefix(token: string): string {
  return token.slice(0, visiblePrefixLength);
}
