import { describe, expect, it } from "vitest";
import { extractJson } from "./extract-json";

describe("extractJson", () => {
  it.each([
    ["plain JSON", '{"a": 1}', { a: 1 }],
    ["an array", " [1, 2] ", [1, 2]],
    ["a json fence", 'Here:\n```json\n{"a": "b"}\n```', { a: "b" }],
    ["an untagged fence", '```\n{"a": 2}\n```', { a: 2 }],
    ["a json fence after another fence", '```text\nnot json {\n```\n```json\n{"a": 3}\n```', { a: 3 }],
    ["prose around it", 'Sure thing: {"a": {"b": [1, "}"]}} - done', { a: { b: [1, "}"] } }],
    ["escaped quotes in strings", 'Result {"q": "she said \\"hi {\\""} ok', { q: 'she said "hi {"' }],
    ["a stray brace before the value", 'use {curly} braces: {"a": 4}', { a: 4 }],
  ])("finds %s", (_what, answer, value) => {
    expect(extractJson(answer)).toEqual({ ok: true, value });
  });

  it.each([
    ["an empty answer", "   ", /empty/],
    ["prose only", "I am sorry, I cannot do that.", /No JSON object/],
    ["an unclosed object", 'Here: {"a": 1', /No JSON object/],
    ["broken JSON in a fence", "```json\n{a: 1}\n```", /No JSON object/],
  ])("says so for %s", (_what, answer, message) => {
    const result = extractJson(answer);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it("stays cheap on an answer full of unmatched braces", () => {
    const hostile = "{".repeat(200_000);
    const started = performance.now();
    expect(extractJson(hostile).ok).toBe(false);
    // A budget far above the few ms it takes, far below the minutes a quadratic scan would.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
