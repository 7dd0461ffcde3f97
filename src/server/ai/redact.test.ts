import { describe, expect, it } from "vitest";
import { Redactor } from "./redact";

describe("Redactor", () => {
  it("replaces e-mails, phone numbers, card numbers, IBANs and known names, the same value by the same placeholder", () => {
    const r = new Redactor([{ kind: "NAME", value: "Ada Lovelace" }]);
    const text = "Ada Lovelace (ada@example.com, +44 20 7946 0958) paid with 4111-1111-1111-1111 from GB82 WEST 1234 5698 7654 32; write ADA@example.com";
    const out = r.redact(text);
    expect(out).toBe("[NAME_1] ([EMAIL_1], [PHONE_1]) paid with [CARD_1] from [IBAN_1]; write [EMAIL_1]");
    expect(r.summary()).toEqual({ NAME: 1, EMAIL: 1, PHONE: 1, CARD: 1, IBAN: 1 });
  });

  it("leaves dates, case numbers, short numbers and digit runs that fail the card check alone", () => {
    const r = new Redactor();
    const text = "Case #1042 opened 2026-12-01, order 12345, tracking 1234 5678 9012 3456";
    // 1234 5678 9012 3456 fails Luhn, so it is no card; with 16 digits it is also too long for a phone.
    expect(r.redact(text)).toBe(text);
  });

  it("restores placeholders in text and inside parsed values, leaving unknown ones", () => {
    const r = new Redactor([{ kind: "NAME", value: "Grace" }]);
    r.redact("Grace wrote from grace@navy.mil");
    expect(r.restore("Hi [NAME_1], we replied to [EMAIL_1] and [EMAIL_9]")).toBe("Hi Grace, we replied to grace@navy.mil and [EMAIL_9]");
    expect(r.restoreDeep({ a: ["[NAME_1]"], b: { c: "[EMAIL_1]" }, n: 3 })).toEqual({ a: ["Grace"], b: { c: "grace@navy.mil" }, n: 3 });
  });

  it("hides names as whole words only, ignores very short ones, and takes regex characters literally", () => {
    const r = new Redactor([
      { kind: "NAME", value: "Al" },
      { kind: "NAME", value: "Jo (Sales)" },
      { kind: "NAME", value: "Ann" },
    ]);
    expect(r.redact("Al said Jo (Sales) and Ann met Annabel")).toBe("Al said [NAME_1] and [NAME_2] met Annabel");
  });
});
