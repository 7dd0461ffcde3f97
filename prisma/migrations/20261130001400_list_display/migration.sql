-- Each member's display of the cases list (density, columns, preview pane), kept on the
-- membership so it follows them from device to device. caseboard_app already updates
-- memberships (RLS: its own tenant's rows).
ALTER TABLE "memberships" ADD COLUMN     "list_display" JSONB;
