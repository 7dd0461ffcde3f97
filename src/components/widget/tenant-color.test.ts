import { describe, expect, it } from "vitest";
import { DEFAULT_WIDGET_COLOR, tenantSurface, textColorOn, widgetColor } from "./tenant-color";

describe("tenant colour", () => {
  it("keeps #rrggbb, replaces anything else with the default", () => {
    expect(widgetColor("#4F46E5")).toBe("#4F46E5");
    expect(widgetColor("red")).toBe(DEFAULT_WIDGET_COLOR);
    expect(widgetColor("#fff")).toBe(DEFAULT_WIDGET_COLOR);
    expect(widgetColor("url(javascript:x)")).toBe(DEFAULT_WIDGET_COLOR);
    expect(widgetColor(null)).toBe(DEFAULT_WIDGET_COLOR);
  });

  it("white text on dark colours, dark text on light ones", () => {
    expect(textColorOn("#4f46e5")).toBe("#ffffff");
    expect(textColorOn("#000000")).toBe("#ffffff");
    expect(textColorOn("#facc15")).toBe("#0f172a");
    expect(textColorOn("#ffffff")).toBe("#0f172a");
    expect(tenantSurface("#22d3ee")).toEqual({ backgroundColor: "#22d3ee", color: "#0f172a" });
  });
});
