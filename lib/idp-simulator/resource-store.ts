import { isJsonObject, type JsonObject } from "./json";

/** Resources the server returned during a run, by a key such as `user:0`, and why any are missing. */
export class ResourceStore {
  private readonly documents = new Map<string, JsonObject>();
  private readonly reasons = new Map<string, string>();

  save(key: string, document: unknown): boolean {
    if (!isJsonObject(document) || typeof document.id !== "string" || document.id === "") return false;
    this.documents.set(key, document);
    this.reasons.delete(key);
    return true;
  }

  fail(key: string, reason: string): void {
    if (!this.documents.has(key)) this.reasons.set(key, reason);
  }

  document(key: string): JsonObject | undefined {
    return this.documents.get(key);
  }

  id(key: string): string | undefined {
    const id = this.documents.get(key)?.id;
    return typeof id === "string" ? id : undefined;
  }

  whyMissing(key: string): string {
    return this.reasons.get(key) ?? `${key} was never created`;
  }
}
