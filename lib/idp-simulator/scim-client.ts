export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type Query = Record<string, string | number>;

export interface ScimRequest {
  method: HttpMethod;
  path: string;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the configured token, e.g. to send a wrong one. */
  token?: string;
}

export interface ScimResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: unknown;
  /** Set when the body is not empty but is not JSON either. */
  parseError?: string;
}

export interface ScimClientOptions {
  baseUrl: string;
  token: string;
  userAgent: string;
  /** Content-Type of request bodies; the IdPs differ here. */
  contentType: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

export type ScimClient = (request: ScimRequest) => Promise<ScimResponse>;

/** Encodes like the IdPs do (%20, %22), unlike URLSearchParams, which turns spaces into "+". */
function encodeQuery(query: Query): string {
  return Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join("&");
}

/** The path as a person reads it in a report: query not percent-encoded. */
export function displayPath(path: string, query?: Query): string {
  if (!query || Object.keys(query).length === 0) return path;
  return `${path}?${Object.entries(query)
    .map(([key, value]) => `${key}=${value}`)
    .join("&")}`;
}

export function createScimClient(options: ScimClientOptions): ScimClient {
  const base = options.baseUrl.replace(/\/+$/, "");

  return async (request) => {
    const search = request.query && Object.keys(request.query).length > 0 ? `?${encodeQuery(request.query)}` : "";
    const headers: Record<string, string> = {
      authorization: `Bearer ${request.token ?? options.token}`,
      accept: "application/scim+json, application/json",
      "user-agent": options.userAgent,
      ...(request.body === undefined ? {} : { "content-type": options.contentType }),
      ...request.headers,
    };
    const response = await options.fetch(`${base}${request.path}${search}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    if (text.trim() === "") return { status: response.status, headers: response.headers, text, body: undefined };
    try {
      return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as unknown };
    } catch (error) {
      const parseError = error instanceof Error ? error.message : String(error);
      return { status: response.status, headers: response.headers, text, body: undefined, parseError };
    }
  };
}
