CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "directory_groups_display_name_idx";--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "seats_used" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "members_directory_scope_idx" ON "members" USING btree ("directory_id","id","workspace_id") WHERE "members"."directory_removed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "directory_groups_display_name_idx" ON "directory_groups" USING btree ("directory_id",lower("display_name"));