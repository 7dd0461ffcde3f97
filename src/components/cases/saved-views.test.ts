import { describe, expect, it } from "vitest";
import { caseListQuerySchema } from "@/lib/validations/case-filters";
import { activeViewId, groupViews, viewHref } from "./saved-views";

const q = (raw: Record<string, unknown>) => caseListQuerySchema.parse(raw);
const view = (id: string, name: string, shared: boolean, filters = q({})) => ({ id, name, shared, filters });

describe("saved views helpers", () => {
  it("groups personal before shared, each sorted by name regardless of case", () => {
    const { personal, shared } = groupViews([view("1", "zeta", false), view("2", "Team", true), view("3", "alpha", false), view("4", "Breaches", true)]);
    expect(personal.map((v) => v.id)).toEqual(["3", "1"]);
    expect(shared.map((v) => v.id)).toEqual(["4", "2"]);
  });

  it("turns a view into the list URL, leaving defaults out", () => {
    expect(viewHref("/t/acme/cases", q({ status: ["OPEN", "PENDING"], tab: "mine", sort: "created" }))).toBe("/t/acme/cases?status=OPEN%2CPENDING&tab=mine");
    expect(viewHref("/t/acme/cases", q({}))).toBe("/t/acme/cases?tab=all");
  });

  it("finds the view the current query shows, and none when the query differs", () => {
    const views = [view("a", "Urgent", false, q({ priority: ["URGENT"] })), view("b", "Mine open", true, q({ tab: "mine", status: ["OPEN"] }))];
    expect(activeViewId(views, q({ status: ["OPEN"], tab: "mine" }))).toBe("b");
    expect(activeViewId(views, q({ priority: ["URGENT"], sort: "created" }))).toBe("a");
    expect(activeViewId(views, q({ priority: ["URGENT"], tab: "mine" }))).toBeNull();
  });

  it("names the view just applied or saved among several with the same filters, while the list shows them", () => {
    const urgent = q({ priority: ["URGENT"] });
    const views = [view("old", "Urgent (old)", false, urgent), view("new", "Urgent (new)", false, urgent), view("open", "Open", false, q({ status: ["OPEN"] }))];
    expect(activeViewId(views, urgent)).toBe("old");
    expect(activeViewId(views, urgent, "new")).toBe("new");
    // The chosen view no longer shows (filters changed, or it was deleted): the first match again.
    expect(activeViewId(views, q({ status: ["OPEN"] }), "new")).toBe("open");
    expect(activeViewId(views.filter((v) => v.id !== "new"), urgent, "new")).toBe("old");
  });
});
