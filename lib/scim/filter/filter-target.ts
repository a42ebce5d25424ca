import type { SQL } from "drizzle-orm";
import type { ResourceAttributes } from "../schemas/attribute";

/** How a compared value is interpreted in SQL. `uuid` columns compare ids: a non-uuid literal matches nothing. */
export type ColumnKind = "string" | "boolean" | "dateTime" | "integer" | "decimal" | "uuid";

export type FilterColumn = { kind: ColumnKind; caseExact: boolean; sql: SQL };

/** A multi-valued attribute: its elements are rows of a correlated subquery. */
export type FilterElements = {
  /** `exists (select 1 from <elements of the current row> as el where ${condition})` */
  exists: (condition: SQL) => SQL;
  /** Sub-attributes by canonical name, as SQL over the element alias used inside `exists`. */
  subAttributes: Record<string, FilterColumn>;
  /** ORDER BY expression for `sortBy` on the attribute or its `value` (e.g. the primary email); none = unsortable. */
  sort?: SQL;
};

/**
 * What the filter compiler needs to know about one resource type. Keys are canonical attribute
 * names as in the schema (`userName`, `name.givenName`, `meta.created`) and, for extension
 * attributes, `<urn>:<name>` (`urn:…:enterprise:2.0:User:manager.value`). An attribute the schema
 * knows but these maps lack (e.g. `password`) cannot be filtered on.
 */
export type FilterTarget = {
  attributes: ResourceAttributes;
  /** The core schema's URN, so `urn:…:core:2.0:User:userName` resolves like `userName`. */
  coreSchema?: string;
  columns: Record<string, FilterColumn>;
  multiValued: Record<string, FilterElements>;
};
