import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

// ---------------------------------------------------------------------------
// Enums (closed vocabularies; TypeScript types are derived from them below)
// ---------------------------------------------------------------------------

/** Highest privilege first: the order is the precedence used when roles combine. */
export const memberRoles = ["owner", "admin", "member", "viewer"] as const;
export const memberRole = pgEnum("member_role", memberRoles);
export const memberStatus = pgEnum("member_status", ["active", "suspended"]);
export const memberSource = pgEnum("member_source", ["manual", "sso", "scim"]);
export const idpTypes = ["okta", "entra", "google", "onelogin", "jumpcloud", "generic"] as const;
export const idpType = pgEnum("idp_type", idpTypes);
export const directoryState = pgEnum("directory_state", ["draft", "active", "disabled"]);
export const deprovisionAction = pgEnum("deprovision_action", ["suspend", "suspend_and_purge"]);
export const teamMemberSource = pgEnum("team_member_source", ["manual", "directory"]);
export const activityKinds = ["scim_request", "member", "group", "token", "sync", "admin", "auth"] as const;
export const activityKind = pgEnum("activity_kind", activityKinds);
export const syncTrigger = pgEnum("sync_trigger", ["manual", "scheduled"]);
export const syncStatus = pgEnum("sync_status", ["queued", "running", "succeeded", "failed"]);
export const mailKind = pgEnum("mail_kind", ["welcome"]);
/** `logged`: no SMTP_URL was configured, so the mail was printed to the server's output instead of sent. */
export const mailStatuses = ["pending", "sent", "failed", "logged"] as const;
export const mailStatus = pgEnum("mail_status", mailStatuses);

export type MemberRole = (typeof memberRoles)[number];
export type IdpType = (typeof idpTypes)[number];
export type ActivityKind = (typeof activityKinds)[number];
export type MailStatus = (typeof mailStatuses)[number];

// ---------------------------------------------------------------------------
// Auth.js tables (shape required by @auth/drizzle-adapter). A `user` is a sign-in
// identity; what a person may do in a workspace lives on `members`.
// ---------------------------------------------------------------------------

export const users = pgTable(
  "users",
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text(),
    email: text().notNull(),
    emailVerified: timestamp({ withTimezone: true, mode: "date" }),
    image: text(),
    /** scrypt hash (see lib/auth/password.ts); null for link/SSO-only identities. */
    passwordHash: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().$type<"oauth" | "oidc" | "email" | "webauthn">().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index().on(t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index().on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------------------
// Workspaces, members, teams
// ---------------------------------------------------------------------------

export const workspaces = pgTable("workspaces", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  seatLimit: integer().notNull(),
  /** Active members; kept by a trigger on `members`, which refuses to go past `seatLimit` (migration 0002). */
  seatsUsed: integer().notNull().default(0),
  /** Lower-case domains; when non-empty, provisioned emails must use one of them. */
  verifiedDomains: text().array().notNull().default(sql`'{}'::text[]`),
  /** Role given to a member whom no mapped group places higher. */
  defaultRole: memberRole().notNull().default("member"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type ScimMultiValue = { value: string; type?: string; primary?: boolean; display?: string };
export type ScimAddress = {
  type?: string;
  primary?: boolean;
  formatted?: string;
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
};

/** Stored with fillfactor 70 (migration 0005; drizzle cannot declare it), so role and profile updates stay on their page. */
export const members = pgTable(
  "members",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Sign-in identity, linked on first sign-in or at seeding. */
    userId: text().references(() => users.id, { onDelete: "set null" }),
    /** The directory that manages this member; null = never touched by any directory. */
    directoryId: uuid().references(() => directoryConnections.id, { onDelete: "set null" }),
    externalId: text(),
    userName: text().notNull(),
    /** Primary email, denormalised from `emails` for lookups and sign-in. */
    email: text(),
    displayName: text(),
    givenName: text(),
    familyName: text(),
    middleName: text(),
    honorificPrefix: text(),
    honorificSuffix: text(),
    formattedName: text(),
    nickName: text(),
    profileUrl: text(),
    title: text(),
    userType: text(),
    preferredLanguage: text(),
    locale: text(),
    timezone: text(),
    emails: jsonb().$type<ScimMultiValue[]>().notNull().default([]),
    phoneNumbers: jsonb().$type<ScimMultiValue[]>().notNull().default([]),
    addresses: jsonb().$type<ScimAddress[]>().notNull().default([]),
    employeeNumber: text(),
    costCenter: text(),
    organization: text(),
    division: text(),
    department: text(),
    /** SCIM id of the manager (a member id of the same directory) and its display name. */
    managerId: text(),
    managerDisplayName: text(),
    status: memberStatus().notNull().default("active"),
    source: memberSource().notNull().default("manual"),
    role: memberRole().notNull().default("member"),
    /** True when group mappings decide the role; the console then shows it read-only. */
    roleManagedByDirectory: boolean().notNull().default(false),
    /** Set when the directory removed the member (SCIM DELETE); the member is hidden from SCIM. */
    directoryRemovedAt: timestamp({ withTimezone: true }),
    /** A suspended, directory-removed member is purged after this instant. */
    purgeAfter: timestamp({ withTimezone: true }),
    /** Bumped on every change; the SCIM ETag is derived from it. */
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("members_workspace_user_name_idx").on(t.workspaceId, sql`lower(${t.userName})`),
    uniqueIndex("members_workspace_email_idx").on(t.workspaceId, sql`lower(${t.email})`),
    index("members_directory_external_id_idx").on(t.directoryId, t.externalId),
    index("members_user_id_idx").on(t.userId),
    index("members_purge_after_idx").on(t.purgeAfter),
    /** The console's directory user list: keyset pages in name order (removed members included). */
    index("members_directory_name_idx").on(t.directoryId, sql`lower(coalesce(${t.displayName}, ${t.userName}))`, t.id),
    /**
     * The members a directory sees over SCIM, in SCIM list order (by id). workspace_id rides along
     * so counting and paging a directory's scope are index-only scans.
     */
    index("members_directory_scope_idx").on(t.directoryId, t.id, t.workspaceId).where(sql`${t.directoryRemovedAt} is null`),
  ],
);

export const teams = pgTable(
  "teams",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("teams_workspace_name_idx").on(t.workspaceId, sql`lower(${t.name})`)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    source: teamMemberSource().notNull().default("manual"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.memberId] }), index().on(t.memberId)],
);

// ---------------------------------------------------------------------------
// Directory connections, tokens, groups, mappings
// ---------------------------------------------------------------------------

export const directoryConnections = pgTable(
  "directory_connections",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text().notNull(),
    idpType: idpType().notNull(),
    state: directoryState().notNull().default("draft"),
    syncIntervalMinutes: integer().notNull().default(40),
    deprovisionAction: deprovisionAction().notNull().default("suspend"),
    retentionDays: integer().notNull().default(90),
    welcomeEmail: boolean().notNull().default(false),
    lastRequestAt: timestamp({ withTimezone: true }),
    lastRequestUserAgent: text(),
    lastRequestStatus: integer(),
    /**
     * When the next scheduled sync run is due; null while the directory is not active (the sync
     * scheduler sets it within a minute of enabling, and clears it when the directory stops).
     */
    nextSyncAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.workspaceId),
    check("sync_interval_range", sql`${t.syncIntervalMinutes} between 15 and 1440`),
    check("retention_days_positive", sql`${t.retentionDays} >= 0`),
  ],
);

export const directoryTokens = pgTable(
  "directory_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    directoryId: uuid()
      .notNull()
      .references(() => directoryConnections.id, { onDelete: "cascade" }),
    /** First characters of the token, shown in the console to tell tokens apart. */
    prefix: text().notNull(),
    /** SHA-256 (hex) of the whole token; the token itself is never stored. */
    hash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdByUserId: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.directoryId)],
);

export const directoryGroups = pgTable(
  "directory_groups",
  {
    id: uuid().primaryKey().defaultRandom(),
    directoryId: uuid()
      .notNull()
      .references(() => directoryConnections.id, { onDelete: "cascade" }),
    externalId: text(),
    displayName: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    /** Entra matches groups by displayName, so names are unique per directory, ignoring case. */
    uniqueIndex("directory_groups_display_name_idx").on(t.directoryId, sql`lower(${t.displayName})`),
    index("directory_groups_external_id_idx").on(t.directoryId, t.externalId),
  ],
);

/** A user member of a directory group. */
export const directoryGroupMembers = pgTable(
  "directory_group_members",
  {
    groupId: uuid()
      .notNull()
      .references(() => directoryGroups.id, { onDelete: "cascade" }),
    memberId: uuid()
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.memberId] }), index().on(t.memberId)],
);

/** A nested group: `childGroupId` is a member of `groupId`. */
export const directoryGroupChildren = pgTable(
  "directory_group_children",
  {
    groupId: uuid()
      .notNull()
      .references(() => directoryGroups.id, { onDelete: "cascade" }),
    childGroupId: uuid()
      .notNull()
      .references(() => directoryGroups.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.childGroupId] }),
    index().on(t.childGroupId),
    check("no_self_nesting", sql`${t.groupId} <> ${t.childGroupId}`),
  ],
);

export const groupMappings = pgTable(
  "group_mappings",
  {
    id: uuid().primaryKey().defaultRandom(),
    directoryId: uuid()
      .notNull()
      .references(() => directoryConnections.id, { onDelete: "cascade" }),
    groupId: uuid()
      .notNull()
      .unique()
      .references(() => directoryGroups.id, { onDelete: "cascade" }),
    teamId: uuid().references(() => teams.id, { onDelete: "set null" }),
    role: memberRole(),
    isAdminGroup: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.directoryId),
    uniqueIndex("group_mappings_one_admin_group_idx").on(t.directoryId).where(sql`${t.isAdminGroup}`),
  ],
);

// ---------------------------------------------------------------------------
// Activity log and sync runs
// ---------------------------------------------------------------------------

export const activityEvents = pgTable(
  "activity_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    directoryId: uuid().references(() => directoryConnections.id, { onDelete: "set null" }),
    kind: activityKind().notNull(),
    /** Dotted action name from lib/activity/actions.ts, e.g. `token.created`. */
    action: text().notNull(),
    actorUserId: text().references(() => users.id, { onDelete: "set null" }),
    memberId: uuid(),
    method: text(),
    path: text(),
    status: integer(),
    latencyMs: integer(),
    userAgent: text(),
    resourceType: text(),
    resourceId: text(),
    summary: text().notNull(),
    changes: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("activity_events_workspace_id_idx").on(t.workspaceId, t.id.desc()),
    index("activity_events_directory_id_idx").on(t.directoryId, t.id.desc()),
    // The activity log's filters, each in its keyset order (lib/activity/list-activity.ts).
    index("activity_events_workspace_kind_idx").on(t.workspaceId, t.kind, t.id.desc()),
    index("activity_events_workspace_member_idx").on(t.workspaceId, t.memberId, t.id.desc()),
    index("activity_events_workspace_errors_idx")
      .on(t.workspaceId, t.id.desc())
      .where(sql`${t.status} >= 400 or ${t.error} is not null`),
    index("activity_events_workspace_created_at_idx").on(t.workspaceId, t.createdAt),
  ],
);

export type SyncCounts = { checked: number; changed: number; suspended: number; purged: number; errors: number };

export const syncRuns = pgTable(
  "sync_runs",
  {
    id: uuid().primaryKey().defaultRandom(),
    directoryId: uuid()
      .notNull()
      .references(() => directoryConnections.id, { onDelete: "cascade" }),
    trigger: syncTrigger().notNull(),
    status: syncStatus().notNull().default("queued"),
    /** Who pressed "Sync now"; null for scheduled runs. */
    actorUserId: text().references(() => users.id, { onDelete: "set null" }),
    total: integer(),
    processed: integer().notNull().default(0),
    counts: jsonb().$type<SyncCounts>(),
    /** Why the run failed; on a run that succeeded with `counts.errors` > 0, what those errors were. */
    error: text(),
    /**
     * Resume cursor: the highest member id whose access the run has recomputed, written in the
     * same transaction as that batch, so a run picked up after a crash goes on after it.
     */
    lastMemberId: uuid(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.directoryId, t.createdAt.desc()),
    /** One run at a time per directory, across every instance: a second queued or running run is a 23505. */
    uniqueIndex("sync_runs_one_current_idx").on(t.directoryId).where(sql`${t.status} in ('queued', 'running')`),
  ],
);

/**
 * Mail to send, written in the transaction of the change it is about and delivered by a job
 * (lib/mail/deliver-outbox-mail.ts): a failed delivery is retried and never holds up that change.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    directoryId: uuid().references(() => directoryConnections.id, { onDelete: "set null" }),
    memberId: uuid().references(() => members.id, { onDelete: "set null" }),
    kind: mailKind().notNull(),
    recipient: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    status: mailStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** When a pending mail may be tried next; while an attempt runs, when that attempt's claim lapses. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    /** The sweep: pending mail that is due. */
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    /** The directory's Settings tab: its latest mail. */
    index("mail_outbox_directory_idx").on(t.directoryId, t.createdAt.desc()),
    /** Purging a member sets its mail's member_id to null. */
    index("mail_outbox_member_idx").on(t.memberId),
  ],
);

/** Fixed-window counters of rate-limiter-flexible's RateLimiterDrizzle, shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull(),
  expire: timestamp({ withTimezone: true }),
});

/** Small key/value store for instance-wide values generated at first start (e.g. the auth secret). */
export const appSettings = pgTable("app_settings", {
  key: text().primaryKey(),
  value: text().notNull(),
  createdAt: createdAt(),
});

export type Workspace = typeof workspaces.$inferSelect;
export type Member = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
export type Team = typeof teams.$inferSelect;
export type User = typeof users.$inferSelect;
export type DirectoryConnection = typeof directoryConnections.$inferSelect;
export type DirectoryToken = typeof directoryTokens.$inferSelect;
export type ActivityEvent = typeof activityEvents.$inferSelect;
export type NewActivityEvent = typeof activityEvents.$inferInsert;
export type SyncRun = typeof syncRuns.$inferSelect;
export type OutboxMail = typeof mailOutbox.$inferSelect;
export type NewOutboxMail = typeof mailOutbox.$inferInsert;
