// Audit diffs never hold secrets or personal data: such keys are replaced wholesale.
const SECRET_KEY = /pass(word)?|secret|token|hash|key$|authorization|cookie/i;
const PII_KEY = /^(email|phone|address)$/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? "[secret]" : PII_KEY.test(k) ? "[pii]" : redact(v)]),
    );
  }
  return value;
}
