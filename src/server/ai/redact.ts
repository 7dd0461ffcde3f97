// Personal data stays on this server: before a prompt leaves, e-mail addresses, phone numbers,
// card numbers, IBANs and the names we know (the customer's, the agent's) become placeholders
// such as [EMAIL_1]; the model works with those, and restore() puts the real values back into
// what it wrote (a reply draft that greets the customer by name). The same value always gets the
// same placeholder within one run, so the model can tell two addresses apart.

export type PiiKind = "EMAIL" | "PHONE" | "CARD" | "IBAN" | "NAME";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
/** 13–19 digits, optionally grouped by spaces or dashes; kept only when the Luhn check passes. */
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
/** 8–15 digits, optionally with +, spaces, dots, dashes, brackets, not part of a longer run: phone numbers, not years or case numbers. */
const PHONE = /(?<![\w+]|\d[\s().-])\+?\(?\d(?:[\s().-]{0,2}\d){7,14}(?![\s().-]?\d|\w)/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PLACEHOLDER = /\[(EMAIL|PHONE|CARD|IBAN|NAME)_(\d+)\]/g;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export class Redactor {
  private readonly tokens = new Map<string, string>();
  private readonly values = new Map<string, string>();
  private readonly counts = new Map<PiiKind, number>();
  private readonly known: { kind: PiiKind; value: string }[] = [];

  /** Values to hide wherever they appear (names are not recognisable by shape). Short ones are skipped: "Al" would eat words. */
  constructor(known: { kind: PiiKind; value: string | null | undefined }[] = []) {
    for (const k of known) {
      const value = k.value?.trim();
      if (value && value.length >= 3) this.known.push({ kind: k.kind, value });
    }
    // Longest first, so "Ada Lovelace" is hidden whole before "Ada".
    this.known.sort((a, b) => b.value.length - a.value.length);
  }

  private placeholder(kind: PiiKind, value: string): string {
    const key = `${kind}:${value.toLowerCase()}`;
    let token = this.tokens.get(key);
    if (!token) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      token = `[${kind}_${n}]`;
      this.tokens.set(key, token);
      this.values.set(token, value);
    }
    return token;
  }

  /** The text with every recognised piece of personal data replaced. */
  redact(text: string): string {
    // Shapes first: a name inside an address (grace@…) must not break the address apart.
    let out = text.replace(EMAIL, (m) => this.placeholder("EMAIL", m));
    out = out.replace(IBAN, (m) => this.placeholder("IBAN", m));
    out = out.replace(CARD, (m) => (luhn(m.replace(/\D/g, "")) ? this.placeholder("CARD", m) : m));
    out = out.replace(PHONE, (m) => (ISO_DATE.test(m) ? m : this.placeholder("PHONE", m)));
    for (const k of this.known) {
      const escaped = k.value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"), (m) => this.placeholder(k.kind, m));
    }
    return out;
  }

  /** The model's text with placeholders turned back into the values they stand for (unknown ones stay). */
  restore(text: string): string {
    return text.replace(PLACEHOLDER, (m) => this.values.get(m) ?? m);
  }

  /** restore() on every string inside a parsed value. */
  restoreDeep<T>(value: T): T {
    if (typeof value === "string") return this.restore(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.restoreDeep(v)) as T;
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.restoreDeep(v)])) as T;
    }
    return value;
  }

  /** How many values were hidden, by kind: recorded on the run (never the values). */
  summary(): Partial<Record<PiiKind, number>> {
    return Object.fromEntries(this.counts);
  }
}
