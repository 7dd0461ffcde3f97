// @mention handles as the server resolves them: the email's local part, or the whole address
// when two members share a local part (src/server/services/cases/mentions.ts).
import type { Member } from "./case-types";

export function mentionHandle(member: Member, members: Member[]): string {
  const local = member.email.split("@")[0]!.toLowerCase();
  const shared = members.filter((m) => m.email.split("@")[0]!.toLowerCase() === local).length > 1;
  return shared ? member.email.toLowerCase() : local;
}

/** The "@partial" word being typed at the caret, if any. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|[\s(])@([\w.+-]*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]!.toLowerCase() };
}

export function suggestMembers(members: Member[], query: string): Member[] {
  return members
    .filter((m) => m.name.toLowerCase().includes(query) || m.email.toLowerCase().startsWith(query))
    .slice(0, 6);
}
