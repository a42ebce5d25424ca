import { z } from "zod";
import { badRequest } from "../errors";
import { parseFilter } from "../filter/parse-filter";
import type { Filter } from "../filter/filter-ast";

/** Advertised as filter.maxResults; larger `count`s are cut to it (RFC 7644 §3.4.2.4). */
export const maxResults = 1000;
const defaultCount = 100;

export type ListRequest = {
  filter?: Filter;
  startIndex: number;
  count: number;
  sortBy?: string;
  descending: boolean;
  attributes?: string;
  excludedAttributes?: string;
};

const searchRequestSchema = z.looseObject({
  filter: z.string().optional(),
  startIndex: z.number().int().optional(),
  count: z.number().int().optional(),
  sortBy: z.string().optional(),
  sortOrder: z.string().optional(),
  attributes: z.array(z.string()).optional(),
  excludedAttributes: z.array(z.string()).optional(),
});

type RawListRequest = z.infer<typeof searchRequestSchema>;

function integerParam(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (value === null || value.trim() === "") return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw badRequest("invalidValue", `${name} must be an integer (got "${value}").`);
  return Number(value);
}

function build(raw: RawListRequest): ListRequest {
  if (raw.filter?.includes("\u0000")) throw badRequest("invalidFilter", "The filter contains the NUL character (\\u0000).");
  const sortOrder = raw.sortOrder?.toLowerCase();
  if (sortOrder && sortOrder !== "ascending" && sortOrder !== "descending") {
    throw badRequest("invalidValue", `sortOrder must be "ascending" or "descending" (got "${raw.sortOrder}").`);
  }
  return {
    filter: raw.filter?.trim() ? parseFilter(raw.filter) : undefined,
    startIndex: Math.max(1, raw.startIndex ?? 1),
    count: Math.min(maxResults, Math.max(0, raw.count ?? defaultCount)),
    sortBy: raw.sortBy?.trim() || undefined,
    descending: sortOrder === "descending",
    attributes: raw.attributes?.join(","),
    excludedAttributes: raw.excludedAttributes?.join(","),
  };
}

/** GET /Users?filter=…&startIndex=…&count=…&sortBy=…&attributes=… */
export function listRequestFromQuery(params: URLSearchParams): ListRequest {
  return build({
    filter: params.get("filter") ?? undefined,
    startIndex: integerParam(params, "startIndex"),
    count: integerParam(params, "count"),
    sortBy: params.get("sortBy") ?? undefined,
    sortOrder: params.get("sortOrder") ?? undefined,
    attributes: params.get("attributes")?.split(","),
    excludedAttributes: params.get("excludedAttributes")?.split(","),
  });
}

/** POST /Users/.search with a SearchRequest body (RFC 7644 §3.4.3). */
export function listRequestFromSearch(body: unknown): ListRequest {
  const parsed = searchRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest("invalidSyntax", `Invalid SearchRequest: ${issue?.path.join(".") || "body"} ${issue?.message ?? ""}`.trim());
  }
  return build(parsed.data);
}
