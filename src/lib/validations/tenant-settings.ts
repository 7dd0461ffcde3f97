// The shape of Tenant.settings. Parsed on every read and write, so a bad value never reaches the UI.
import { z } from "zod";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use HH:MM (24 h)" });

export const workingHoursSchema = z
  .object({
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: time,
    end: time,
  })
  .refine((v) => v.start < v.end, { message: "End must be after start", path: ["end"] });

export const tenantSettingsSchema = z.object({
  timeZone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, { message: "Unknown time zone" })
    .default("UTC"),
  workingHours: workingHoursSchema.default({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }),
  businessUnits: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  caseCategories: z.array(z.string().trim().min(1).max(60)).max(100).default(["Question", "Problem", "Incident", "Request"]),
  defaultAssigneeId: z.uuid().nullable().default(null),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export function parseTenantSettings(value: unknown): TenantSettings {
  return tenantSettingsSchema.parse(value ?? {});
}
