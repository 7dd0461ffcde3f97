// How suggestions read: field names, values and decisions in the panel's words.
export const FIELD_LABEL: Record<string, string> = {
  category: "Category",
  businessUnit: "Business unit",
  priority: "Priority",
  tags: "Tags",
  language: "Language",
  sentiment: "Sentiment",
  summary: "Summary",
};

export const STATUS_LABEL: Record<string, string> = {
  ACCEPTED: "Accepted",
  DISMISSED: "Dismissed",
  APPLIED: "Applied automatically",
};

export function valueText(field: string, value: string | string[]): string {
  if (Array.isArray(value)) return value.join(", ");
  if (field === "priority" || field === "sentiment") return value.charAt(0) + value.slice(1).toLowerCase();
  if (field === "language") {
    try {
      return new Intl.DisplayNames(["en"], { type: "language" }).of(value) ?? value;
    } catch {
      return value;
    }
  }
  return value;
}

export const percent = (confidence: number) => `${Math.round(confidence * 100)} %`;
