/**
 * The parsed form of a SCIM filter (RFC 7644 §3.4.2.2) and of a PATCH path (§3.5.2).
 * Attribute names keep the case they were written in; resolving them (case-insensitively,
 * with or without a schema URN prefix) is the job of whoever consumes the tree.
 */

export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";

export type FilterValue = string | number | boolean | null;

/** `urn:…:enterprise:2.0:User:manager.value` → { schema: "urn:…:enterprise:2.0:User", name: "manager", subAttr: "value" } */
export type AttrPath = { schema?: string; name: string; subAttr?: string };

export type Filter =
  | { type: "compare"; path: AttrPath; op: CompareOp; value: FilterValue }
  | { type: "present"; path: AttrPath }
  | { type: "and" | "or"; left: Filter; right: Filter }
  | { type: "not"; filter: Filter }
  /**
   * `emails[type eq "work" and value co "@acme"]`: some element of the multi-valued `path`
   * matches `filter`, whose paths name sub-attributes of the element (`{ name: "type" }`).
   * Entra's `emails[type eq "work"].value eq "x"` parses to the same node with the trailing
   * comparison and-ed into `filter`.
   */
  | { type: "valuePath"; path: AttrPath; filter: Filter };

/**
 * A PATCH operation's target: `name.givenName` → { name: "name", subAttr: "givenName" };
 * `emails[type eq "work"].value` → { name: "emails", valueFilter, subAttr: "value" };
 * `members[value eq "id"]` → { name: "members", valueFilter }.
 */
export type PatchPath = AttrPath & { valueFilter?: Filter };
