ALTER TABLE "directory_connections" ADD COLUMN "next_sync_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "actor_user_id" text;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "last_member_id" uuid;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_current_idx" ON "sync_runs" USING btree ("directory_id") WHERE "sync_runs"."status" in ('queued', 'running');