/** `value` with LIKE's wildcards (and backslash, its default escape character) taken literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE/ILIKE pattern matching `search` anywhere. */
export function containsPattern(search: string): string {
  return `%${escapeLike(search)}%`;
}
