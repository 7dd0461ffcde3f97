// Team schemas shared by the settings forms and the teams procedures.
import { z } from "zod";
import { caseChannelSchema } from "./case";
import { text } from "./text";

export const TEAM_MEMBERS_MAX = 200;

const teamName = text().trim().min(2, { message: "Use at least 2 characters" }).max(60, { message: "Use at most 60 characters" });
const teamDescription = text().trim().max(500, { message: "Use at most 500 characters" });
/** One of the tenant's settings.businessUnits; the server checks it. */
const businessUnit = text().trim().min(1).max(60);
const memberIds = z.array(z.uuid()).max(TEAM_MEMBERS_MAX, { message: `A team has at most ${TEAM_MEMBERS_MAX} members` });

export const createTeamSchema = z.object({
  name: teamName,
  description: teamDescription.default(""),
  businessUnit: businessUnit.nullish(),
  /** New cases from this channel go to this team; one team per channel. */
  defaultChannel: caseChannelSchema.nullish(),
  /** Assign new cases of the team round-robin to its available, online members. */
  autoAssign: z.boolean().default(false),
  memberIds: memberIds.default([]),
});
export type CreateTeamInput = z.input<typeof createTeamSchema>;

export const updateTeamSchema = z.object({
  id: z.uuid(),
  name: teamName.optional(),
  description: teamDescription.optional(),
  businessUnit: businessUnit.nullable().optional(),
  defaultChannel: caseChannelSchema.nullable().optional(),
  autoAssign: z.boolean().optional(),
});
export type UpdateTeamInput = z.input<typeof updateTeamSchema>;

/** The whole member list: who is left out leaves the team, who is new joins it (available). */
export const setTeamMembersSchema = z.object({ id: z.uuid(), userIds: memberIds });

/** A member's own availability in a team ("me"), or anyone's for those who manage settings. */
export const setTeamAvailabilitySchema = z.object({
  id: z.uuid(),
  userId: z.union([z.uuid(), z.literal("me")]).default("me"),
  available: z.boolean(),
});
