-- workspaces.seats_used counts active members. A trigger keeps it, so no code path can forget it,
-- and it refuses a change that would take a workspace past its seat limit (SQLSTATE RC001).
-- The trigger is deferred to commit, so concurrent creates hold the workspace row only while
-- committing, not for the rest of their transaction (which bounded POST /Users throughput).
CREATE FUNCTION rollcall_adjust_seats(workspace uuid, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF delta > 0 THEN
    UPDATE workspaces SET seats_used = seats_used + delta
      WHERE id = workspace AND seats_used + delta <= seat_limit;
    IF NOT FOUND AND EXISTS (SELECT 1 FROM workspaces WHERE id = workspace) THEN
      RAISE EXCEPTION 'seat limit reached' USING ERRCODE = 'RC001';
    END IF;
  ELSIF delta < 0 THEN
    UPDATE workspaces SET seats_used = greatest(seats_used + delta, 0) WHERE id = workspace;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollcall_members_seats() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
    IF TG_OP = 'DELETE' OR NEW.status <> 'active' OR NEW.workspace_id <> OLD.workspace_id THEN
      PERFORM rollcall_adjust_seats(OLD.workspace_id, -1);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'active' THEN
    IF TG_OP = 'INSERT' OR OLD.status <> 'active' OR NEW.workspace_id <> OLD.workspace_id THEN
      PERFORM rollcall_adjust_seats(NEW.workspace_id, 1);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER members_seats AFTER INSERT OR DELETE OR UPDATE OF status, workspace_id ON members
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rollcall_members_seats();
--> statement-breakpoint
UPDATE workspaces w SET seats_used =
  (SELECT count(*) FROM members m WHERE m.workspace_id = w.id AND m.status = 'active');
