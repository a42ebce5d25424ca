import { badRequest, ScimError } from "../errors";

/** Advertised in ServiceProviderConfig; a PATCH of 1,000 members is ~60 kB, a PUT of 100,000 ~5 MB. */
export const maxPayloadBytes = 8 * 1024 * 1024;

/** Reads and parses a JSON body, refusing more than `maxPayloadBytes` without buffering it. */
export async function readScimBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxPayloadBytes) throw tooLarge();
  if (!request.body) throw badRequest("invalidSyntax", "The request has no body; send a JSON object.");

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw badRequest("invalidSyntax", "The request body could not be read: the client closed the connection while sending it.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxPayloadBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw badRequest("invalidSyntax", "The request has no body; send a JSON object.");
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest("invalidSyntax", `The body is not valid JSON: ${(error as Error).message}.`);
  }
  if (containsNul(body)) throw badRequest("invalidValue", "A value contains the NUL character (\\u0000), which cannot be stored.");
  return body;
}

/** PostgreSQL text cannot hold U+0000; refuse it here rather than fail inside the database. */
function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object") return Object.entries(value).some(([key, v]) => key.includes("\u0000") || containsNul(v));
  return false;
}

function tooLarge() {
  return new ScimError(413, `The body is larger than the ${maxPayloadBytes} bytes this server accepts (see ServiceProviderConfig bulk.maxPayloadSize).`);
}
