import { describe, expect, it } from "vitest";
import { createTypingSignal, TYPING_THROTTLE_MS, typingText } from "./typing";

describe("createTypingSignal", () => {
  function signal() {
    const sent: boolean[] = [];
    let clock = 0;
    const typing = createTypingSignal((value) => sent.push(value), () => clock);
    return { sent, typing, advance: (ms: number) => (clock += ms) };
  }

  it("says 'typing' at most once per throttle window, 'stopped' once", () => {
    const { sent, typing, advance } = signal();
    typing.input(false);
    advance(1_000);
    typing.input(false);
    advance(TYPING_THROTTLE_MS);
    typing.input(false);
    expect(sent).toEqual([true, true]);
    typing.stop();
    typing.stop();
    expect(sent).toEqual([true, true, false]);
  });

  it("an emptied box stops; stopping without having typed says nothing", () => {
    const { sent, typing } = signal();
    typing.stop();
    expect(sent).toEqual([]);
    typing.input(false);
    typing.input(true);
    expect(sent).toEqual([true, false]);
    // Typing again right after stopping is news: it is sent at once.
    typing.input(false);
    expect(sent).toEqual([true, false, true]);
  });
});

describe("typingText", () => {
  it("names who is writing", () => {
    expect(typingText([])).toBeNull();
    expect(typingText(["Anna"])).toBe("Anna is typing…");
    expect(typingText(["Anna", "Ben"])).toBe("Anna and Ben are typing…");
    expect(typingText(["Anna", "Ben", "Chloé"])).toBe("Anna, Ben and 1 other are typing…");
    expect(typingText(["Anna", "Ben", "Chloé", "Dev"])).toBe("Anna, Ben and 2 others are typing…");
    expect(typingText([" "])).toBe("Someone is typing…");
  });
});
