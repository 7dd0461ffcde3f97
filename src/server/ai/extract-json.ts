// Models asked for JSON answer with JSON, JSON in a Markdown fence, or JSON with prose around it.
// This finds the value in any of those, or says it found none; what the value means is the
// agent's schema's business (run-agent.ts validates it).

export type ExtractResult = { ok: true; value: unknown } | { ok: false; error: string };

const FENCE = /```[ \t]*([A-Za-z0-9_-]*)[ \t]*\r?\n([\s\S]*?)```/g;

function tryParse(text: string): { ok: true; value: unknown } | null {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return null;
  }
}

/**
 * The end (exclusive) of the object or array opening at `start`, found by matching brackets
 * outside strings; -1 when it never closes.
 */
function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") stack.push(ch === "{" ? "}" : "]");
    else if (ch === "}" || ch === "]") {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/** Brackets tried as the start of a value: each try may scan the rest, so a hostile answer full of "{" stays cheap. */
const MAX_CANDIDATES = 16;

/** The first object or array in `text` that parses, scanning left to right. */
function firstEmbedded(text: string): { ok: true; value: unknown } | null {
  let candidates = 0;
  for (let i = 0; i < text.length && candidates < MAX_CANDIDATES; i++) {
    if (text[i] !== "{" && text[i] !== "[") continue;
    candidates++;
    const end = balancedEnd(text, i);
    if (end === -1) continue;
    const parsed = tryParse(text.slice(i, end));
    if (parsed) return parsed;
  }
  return null;
}

export function extractJson(answer: string): ExtractResult {
  const text = answer.trim();
  if (text === "") return { ok: false, error: "The answer was empty; reply with one JSON object." };
  const whole = tryParse(text);
  if (whole) return whole;
  // Fenced blocks first (a json-tagged one before others): prose may hold stray braces.
  const fences = [...text.matchAll(FENCE)].sort((a, b) => Number(b[1]?.toLowerCase() === "json") - Number(a[1]?.toLowerCase() === "json"));
  for (const fence of fences) {
    const inside = fence[2]!.trim();
    const parsed = tryParse(inside) ?? firstEmbedded(inside);
    if (parsed) return parsed;
  }
  const embedded = firstEmbedded(text);
  if (embedded) return embedded;
  return { ok: false, error: "No JSON object was found in the answer; reply with one JSON object and nothing else." };
}
