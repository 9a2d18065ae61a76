/** Escapes LIKE wildcards so a client's search text matches literally (`50%` finds "50%"). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
