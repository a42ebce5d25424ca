export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Walks nested objects by key; undefined as soon as a step is missing or not an object. */
export function get(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isJsonObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

export function getString(value: unknown, ...keys: string[]): string | undefined {
  const found = get(value, ...keys);
  return typeof found === "string" ? found : undefined;
}

export function getArray(value: unknown, ...keys: string[]): unknown[] | undefined {
  const found = get(value, ...keys);
  return Array.isArray(found) ? found : undefined;
}

export function describe(value: unknown): string {
  if (value === undefined) return "missing";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
