// Sharing a case or a saved view with members and teams: shared by the share dialogs and the
// procedures, so the form refuses what the server would.
import { z } from "zod";
import { text } from "./text";

export const shareNoteSchema = text()
  .trim()
  .min(1, { message: "Add a note so they know why" })
  .max(1000, { message: "Use at most 1,000 characters" });

/** Who gets it: members and whole teams (a team's members at the time of sharing). */
const recipientsShape = {
  userIds: z.array(z.uuid()).max(100).default([]),
  teamIds: z.array(z.uuid()).max(50).default([]),
  note: shareNoteSchema,
};

// "At least one recipient" is the server's check (services/shares/recipients.ts), made after the
// case or view is found, so another tenant's id is NOT_FOUND whatever else the call says.
export const shareCaseSchema = z.object({ id: z.uuid(), ...recipientsShape });
export type ShareCaseInput = z.input<typeof shareCaseSchema>;

export const shareViewSchema = z.object({ id: z.uuid(), ...recipientsShape });
export type ShareViewInput = z.input<typeof shareViewSchema>;
