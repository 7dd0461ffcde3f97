// Feed links stay inside the app: what a browser would take to another host, or to a scheme, is
// refused however it is spelled.
import { describe, expect, it } from "vitest";
import { audienceValueProblem, isInAppPath } from "./feed";

describe("isInAppPath", () => {
  it.each(["/", "/cases", "/cases?status=OPEN&tag=refund", "/alerts?alert=0190f0a0-0000-7000-8000-000000000000", "/settings/members#top", "/cases/%2F%2Fx"])(
    "accepts %j",
    (path) => expect(isInAppPath(path)).toBe(true),
  );

  it.each([
    "",
    "cases",
    "//evil.example",
    "///evil.example",
    "/\\evil",
    "/\\/evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    " /cases",
    "/\t/evil.example",
    "/\n/evil.example",
    "/cases\\..\\x",
    "/a b",
    "/\u0000",
  ])("refuses %j", (path) => expect(isInAppPath(path)).toBe(false));
});

describe("audienceValueProblem", () => {
  it("wants no value for everyone, a uuid for a team, a role name for a role, a name for a unit", () => {
    expect(audienceValueProblem("EVERYONE", null)).toBeNull();
    expect(audienceValueProblem("EVERYONE", "x")).not.toBeNull();
    expect(audienceValueProblem("TEAM", "0190f0a0-0000-7000-8000-000000000000")).toBeNull();
    expect(audienceValueProblem("TEAM", "team")).not.toBeNull();
    expect(audienceValueProblem("ROLE", "AGENT")).toBeNull();
    expect(audienceValueProblem("ROLE", "agent")).not.toBeNull();
    expect(audienceValueProblem("BUSINESS_UNIT", "Retail")).toBeNull();
    expect(audienceValueProblem("BUSINESS_UNIT", null)).not.toBeNull();
  });
});
