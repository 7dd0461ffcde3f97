// The cases list reads its filters from the URL: values the shared types refuse (a NUL in the
// search, a year-0 date) are dropped there, so /t/acme/cases?q=a%00b renders the list, unfiltered.
import { describe, expect, it } from "vitest";
import { parseCaseListQuery } from "@/components/cases/parse-case-list-query";
import { caseListQuerySchema } from "./case-filters";

describe("case list filters from outside", () => {
  it("refuse text Postgres cannot store and dates out of range, naming the field", () => {
    const result = caseListQuerySchema.safeParse({ q: "a\u0000b", category: "\uD800", createdFrom: "0000-01-01" });
    expect(Object.keys(result.error?.flatten().fieldErrors ?? {}).sort()).toEqual(["category", "createdFrom", "q"]);
  });

  it("are dropped one by one from the page's URL, keeping the valid ones", () => {
    const query = parseCaseListQuery({ q: "a\u0000b", status: "OPEN", createdFrom: "0000-01-01", updatedFrom: "2024-05-01" });
    expect(query).toMatchObject({ status: ["OPEN"], updatedFrom: new Date("2024-05-01T00:00:00.000Z") });
    expect(query.q).toBeUndefined();
    expect(query.createdFrom).toBeUndefined();
  });
});
