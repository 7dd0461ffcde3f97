// Typing, both ways. The visitor's: "typing" at most every few seconds while they write (the server
// lets it lapse without a refresh), "stopped" once when they send, clear the box or leave it.
// The agents': one line naming who is writing.

export const TYPING_THROTTLE_MS = 3_000;

export interface TypingSignal {
  /** The visitor changed the text; `empty` when the box is now empty. */
  input(empty: boolean): void;
  stop(): void;
}

export function createTypingSignal(send: (typing: boolean) => void, now: () => number = Date.now): TypingSignal {
  let lastSent: number | null = null;
  const stop = () => {
    if (lastSent === null) return;
    lastSent = null;
    send(false);
  };
  return {
    input(empty) {
      if (empty) return stop();
      const at = now();
      if (lastSent !== null && at - lastSent < TYPING_THROTTLE_MS) return;
      lastSent = at;
      send(true);
    },
    stop,
  };
}

/** "Anna is typing…", "Anna and Ben are typing…", "Anna, Ben and 2 others are typing…"; null for nobody. */
export function typingText(agents: readonly string[]): string | null {
  const names = agents.map((name) => name.trim() || "Someone");
  if (names.length === 0) return null;
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  const others = names.length - 2;
  return `${names[0]}, ${names[1]} and ${others} other${others === 1 ? "" : "s"} are typing…`;
}
