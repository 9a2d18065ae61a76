-- History is appended, never overwritten (DOMAIN.md): refuse UPDATE and DELETE on progress updates.
CREATE FUNCTION progress_updates_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'progress_updates is append-only' USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER progress_updates_append_only
  BEFORE UPDATE OR DELETE ON progress_updates
  FOR EACH ROW EXECUTE FUNCTION progress_updates_refuse_change();
