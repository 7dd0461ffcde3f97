// A person's profile: who they are, and the time zone they read times in.
import { z } from "zod";
import { timeZoneName } from "./time-zone";

export const profileSchema = z.object({
  name: z.string(),
  email: z.string(),
  /** Their own time zone; null: each organisation's. */
  timeZone: z.string().nullable(),
});
export type Profile = z.infer<typeof profileSchema>;

export const updateProfileSchema = z.object({
  /** null goes back to the organisation's time zone. */
  timeZone: timeZoneName.nullable(),
});
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;
