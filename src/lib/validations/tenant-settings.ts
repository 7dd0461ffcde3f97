// The shape of Tenant.settings. Parsed on every read and write, so a bad value never reaches the UI.
import { z } from "zod";
import { text } from "./text";
import { timeZoneName } from "./time-zone";
import { SLUG_PATTERN } from "@/lib/slug";

const time = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use HH:MM (24 h)" });

export const workingHoursSchema = z
  .object({
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: time,
    end: time,
  })
  .refine((v) => v.start < v.end, { message: "End must be after start", path: ["end"] });

/** A category or business unit, as cases carry it. */
const choiceValue = text().trim().min(1, { message: "Enter a name" }).max(60, { message: "Use at most 60 characters" });

/** A confidence (0–1) above which a triage suggestion for the field applies itself; null: always ask. */
const autoApplyThreshold = z.number().min(0.5, { message: "Use at least 0.5" }).max(1).nullable();

/** AI assist, when the deployment has a provider (src/server/ai). */
export const aiSettingsSchema = z.object({
  /** Off: no AI feature runs for this tenant and nothing of it is sent to a provider. */
  enabled: z.boolean().default(true),
  /** Triage new cases (suggestions on the case). Imported cases never are. */
  triageNewCases: z.boolean().default(true),
  /** Keep each run's prompt and output (redacted) for inspection on the AI runs page. */
  keepPrompts: z.boolean().default(false),
  /** Tokens (in + out) per UTC day; past it AI pauses until the next day and admins are told. */
  tokensPerDay: z.number().int().min(0).max(100_000_000).default(200_000),
  runsPerMinute: z.number().int().min(0).max(10_000).default(30),
  autoApply: z
    .object({
      category: autoApplyThreshold.default(null),
      businessUnit: autoApplyThreshold.default(null),
      priority: autoApplyThreshold.default(null),
      tags: autoApplyThreshold.default(null),
    })
    .default({ category: null, businessUnit: null, priority: null, tags: null }),
});
export type AiSettings = z.infer<typeof aiSettingsSchema>;

/**
 * PostgreSQL text search configurations the cases may be written in (all built into PostgreSQL 15
 * and the embedded database): stemming and stop words. "simple" is for mixed languages: words are
 * only lower-cased.
 */
export const TEXT_LANGUAGES = [
  "simple", "danish", "dutch", "english", "finnish", "french", "german", "hungarian", "italian",
  "norwegian", "portuguese", "romanian", "russian", "spanish", "swedish", "turkish",
] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];
/** How a language is named in the settings forms. */
export const textLanguageName = (l: TextLanguage) => (l === "simple" ? "Mixed (no stemming)" : l.charAt(0).toUpperCase() + l.slice(1));

/** Trending topics (services/insights/trending): what counts as a trend, and who hears of one. */
export const trendingSettingsSchema = z.object({
  /** A word or phrase found in fewer cases over the day is never a trend, however new. */
  minCases: z.number().int().min(2, { message: "Use at least 2 cases" }).max(1000, { message: "Use at most 1,000 cases" }).default(3),
  /** A topic scoring at least this is posted to the feed (once a day per topic); null: never. */
  feedScore: z.number().min(1, { message: "Use a score of at least 1" }).max(100, { message: "Use a score of at most 100" }).nullable().default(6),
  /** …and fires an alert (one per topic, recurring while it trends); null: never. */
  alertScore: z.number().min(1, { message: "Use a score of at least 1" }).max(100, { message: "Use a score of at most 100" }).nullable().default(null),
});
export type TrendingSettings = z.infer<typeof trendingSettingsSchema>;

const attachmentMaxMb = z.number().int().min(1, { message: "Use at least 1 MB" }).max(100, { message: "Use at most 100 MB" });

export const tenantSettingsSchema = z.object({
  timeZone: timeZoneName
    .default("UTC"),
  workingHours: workingHoursSchema.default({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }),
  businessUnits: z.array(choiceValue).max(50).default([]),
  caseCategories: z.array(choiceValue).max(100).default(["Question", "Problem", "Incident", "Request"]),
  /**
   * Values taken out of use: cases (and teams, alerts, rules) that carry one keep it and can still
   * be filtered by it, but nothing new may choose it. Restoring moves it back into the list.
   */
  archivedBusinessUnits: z.array(choiceValue).max(200).default([]),
  archivedCaseCategories: z.array(choiceValue).max(200).default([]),
  defaultAssigneeId: z.uuid().nullable().default(null),
  /** Names of escalation levels, lowest first (a case is escalated to one of them). */
  escalationLevels: z.array(text().trim().min(1).max(40)).min(1).max(10).default(["Tier 2", "Management"]),
  ai: aiSettingsSchema.default(aiSettingsSchema.parse({})),
  /** The language the cases are mostly written in: trending topics stem words and drop stop words by it. */
  textLanguage: z.enum(TEXT_LANGUAGES).default("english"),
  trending: trendingSettingsSchema.default(trendingSettingsSchema.parse({})),
  /** The largest file a message may carry, in MB (the deployment's ATTACHMENT_MAX_BYTES caps it). */
  attachmentMaxMb: attachmentMaxMb.default(10),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export function parseTenantSettings(value: unknown): TenantSettings {
  return tenantSettingsSchema.parse(value ?? {});
}

// ---- General settings: name and address, and the danger zone ----------------------------------


/** Addresses that would shadow app routes or confuse people reading a link. */
const RESERVED_SLUGS = new Set(["admin", "api", "app", "new", "settings", "sign-in", "sign-up", "t", "www"]);

export const tenantSlugSchema = text()
  .trim()
  .toLowerCase()
  .min(2, { message: "Use at least 2 characters" })
  .max(48, { message: "Use at most 48 characters" })
  .regex(SLUG_PATTERN, { message: "Use lower-case letters, digits and dashes, starting and ending with a letter or digit" })
  .refine((slug) => !RESERVED_SLUGS.has(slug), { message: "This address is reserved" });

export const tenantNameSchema = text().trim().min(2, { message: "Use at least 2 characters" }).max(80, { message: "Use at most 80 characters" });

export const updateTenantSchema = z.object({ name: tenantNameSchema, slug: tenantSlugSchema });
export type UpdateTenantInput = z.input<typeof updateTenantSchema>;
export type UpdateTenantValues = z.output<typeof updateTenantSchema>;

/**
 * A PATCH: the fields given replace the stored ones, the rest stay. (A default here would reset
 * every field a form does not show, e.g. the category list when only the time zone is saved.)
 */
const settingsField = tenantSettingsSchema.shape;
export const updateTenantSettingsSchema = z.object({
  timeZone: settingsField.timeZone.unwrap().optional(),
  workingHours: settingsField.workingHours.unwrap().optional(),
  businessUnits: settingsField.businessUnits.unwrap().optional(),
  caseCategories: settingsField.caseCategories.unwrap().optional(),
  archivedBusinessUnits: settingsField.archivedBusinessUnits.unwrap().optional(),
  archivedCaseCategories: settingsField.archivedCaseCategories.unwrap().optional(),
  defaultAssigneeId: settingsField.defaultAssigneeId.unwrap().optional(),
  escalationLevels: settingsField.escalationLevels.unwrap().optional(),
  textLanguage: settingsField.textLanguage.unwrap().optional(),
  attachmentMaxMb: settingsField.attachmentMaxMb.unwrap().optional(),
  ai: z
    .object({
      enabled: z.boolean(),
      triageNewCases: z.boolean(),
      keepPrompts: z.boolean(),
      tokensPerDay: aiSettingsSchema.shape.tokensPerDay.unwrap(),
      runsPerMinute: aiSettingsSchema.shape.runsPerMinute.unwrap(),
      autoApply: z
        .object({ category: autoApplyThreshold, businessUnit: autoApplyThreshold, priority: autoApplyThreshold, tags: autoApplyThreshold })
        .partial(),
    })
    .partial()
    .optional(),
  trending: z
    .object({
      minCases: trendingSettingsSchema.shape.minCases.unwrap(),
      feedScore: trendingSettingsSchema.shape.feedScore.unwrap(),
      alertScore: trendingSettingsSchema.shape.alertScore.unwrap(),
    })
    .partial()
    .optional(),
});
export type UpdateTenantSettingsInput = z.input<typeof updateTenantSettingsSchema>;
export type UpdateTenantSettingsValues = z.output<typeof updateTenantSettingsSchema>;

/** The two lists cases are classified by, which settings edit one value at a time. */
export const CHOICE_LISTS = ["caseCategories", "businessUnits"] as const;
export type ChoiceList = (typeof CHOICE_LISTS)[number];
export const ARCHIVED_LIST: Record<ChoiceList, "archivedCaseCategories" | "archivedBusinessUnits"> = {
  caseCategories: "archivedCaseCategories",
  businessUnits: "archivedBusinessUnits",
};

/** Renames a category or business unit everywhere it is used (cases, teams, alerts, rules, views). */
export const renameChoiceSchema = z.object({
  list: z.enum(CHOICE_LISTS),
  from: choiceValue,
  to: choiceValue,
});
export type RenameChoiceInput = z.input<typeof renameChoiceSchema>;

/** Deleting needs the tenant's slug typed out, so it cannot happen by a slip of the mouse. */
export const scheduleTenantDeletionSchema = z.object({ confirmSlug: text().trim().min(1, { message: "Type the address to confirm" }).max(60) });
