import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The pages may talk to their own origin only: the offline promise is kept by the browser too, and a
 * script injected through data could reach nothing. Styles allow inline attributes, which GraphiQL
 * and the charts set.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

/**
 * Resolves a URL path inside `root`, or null when it would leave it (`..`, encoded or not), names a
 * hidden file, or cannot be decoded. Pure: touches no file.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((segment) => segment !== "");
  if (segments.some((segment) => segment === ".." || segment.startsWith("."))) return null;
  const resolved = path.resolve(root, ...segments);
  return resolved.startsWith(root + path.sep) ? resolved : null;
}

/**
 * Sends one built file. Hashed assets never change under their name, so browsers keep them for a
 * year; pages are revalidated each time, so a rebuild is seen at once. Answers false when there is
 * no such file, for the caller to say so in its own words.
 */
export async function sendStaticFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  caching: "immutable" | "revalidate",
): Promise<boolean> {
  const type = contentTypes[path.extname(file)];
  if (type === undefined) return false;
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) return false;
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    "content-type": type,
    "cache-control": caching === "immutable" ? "public, max-age=31536000, immutable" : "no-cache",
    etag,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
  if (type.startsWith("text/html")) headers["content-security-policy"] = contentSecurityPolicy;
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, "content-length": String(info.size) });
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on("error", reject);
    res.on("close", () => resolve());
    stream.pipe(res);
  });
  return true;
}
