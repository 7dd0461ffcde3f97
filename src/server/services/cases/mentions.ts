// @mentions in message bodies. A member is mentioned by the local part of their email (@ava for
// ava@acme.test) or by the whole address when two members share a local part.
const MENTION = /(?<![\w.@])@([a-z0-9][a-z0-9._+-]*(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?)/gi;

export function parseMentionHandles(body: string): string[] {
  const handles = new Set<string>();
  for (const match of body.matchAll(MENTION)) handles.add(match[1]!.toLowerCase().replace(/[._-]+$/, ""));
  return [...handles];
}

/** The user ids the handles name; an ambiguous local part names no one rather than the wrong person. */
export function resolveMentions(handles: string[], members: { userId: string; email: string }[]): string[] {
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.userId]));
  const byLocal = new Map<string, string[]>();
  for (const m of members) {
    const local = m.email.toLowerCase().split("@")[0]!;
    byLocal.set(local, [...(byLocal.get(local) ?? []), m.userId]);
  }
  const ids = new Set<string>();
  for (const handle of handles) {
    const exact = byEmail.get(handle);
    if (exact) ids.add(exact);
    else if (byLocal.get(handle)?.length === 1) ids.add(byLocal.get(handle)![0]!);
  }
  return [...ids];
}
