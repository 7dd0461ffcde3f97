// Words for presence on a case (case-presence.tsx), kept apart so they are tested without a DOM.

/** "Ava Stone" → "AS", "ava" → "A". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = Array.from(words[0]!)[0]!;
  const last = words.length > 1 ? Array.from(words.at(-1)!)[0]! : "";
  return (first + last).toUpperCase();
}

/** "Ava is replying…", "Ava and Ben are replying…", "Ava, Ben and 2 others are replying…"; null for nobody. */
export function replyingText(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return `${names[0]} is replying…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are replying…`;
  const others = names.length - 2;
  return `${names[0]}, ${names[1]} and ${others} ${others === 1 ? "other" : "others"} are replying…`;
}
