import { describe, expect, it } from "vitest";
import { createMacroSchema } from "@/lib/validations/macro";
import { macroFieldOf, toMacroFormValues, toMacroInput, type MacroFormValues } from "./macro-form-values";

const blank = toMacroFormValues();

describe("the macro form's values", () => {
  it("turns the flat fields into the procedure's input, leaving out what is left alone", () => {
    const values: MacroFormValues = { ...blank, name: "Chase", message: "INTERNAL_NOTE", body: "Chased", status: "PENDING", addTags: " billing, ,refund ", teamId: "none", assigneeId: "me" };
    expect(toMacroInput(values)).toEqual({
      name: "Chase",
      shared: false,
      actions: { reply: { kind: "INTERNAL_NOTE", body: "Chased" }, status: "PENDING", addTags: ["billing", "refund"], teamId: null, assigneeId: "me" },
    });
    // A body without a message type is not sent.
    expect(toMacroInput({ ...blank, name: "x", body: "typed", priority: "LOW" }).actions).toEqual({ priority: "LOW" });
  });

  it("reads a saved macro back into the same fields", () => {
    const input = toMacroInput({ ...blank, name: "Round trip", shared: true, message: "PUBLIC_REPLY", body: "Hi", removeTags: "vip", teamId: "t1", assigneeId: "none" });
    expect(toMacroFormValues({ name: input.name, shared: true, actions: input.actions })).toEqual({
      ...blank,
      name: "Round trip",
      shared: true,
      message: "PUBLIC_REPLY",
      body: "Hi",
      removeTags: "vip",
      teamId: "t1",
      assigneeId: "none",
    });
  });

  it("puts each error of the schema beside its field", () => {
    const parsed = createMacroSchema.safeParse(toMacroInput({ ...blank, name: "", message: "PUBLIC_REPLY", body: "Hi {{nope}}", addTags: "ok, bad tag!" }));
    expect(parsed.success).toBe(false);
    const fields = new Set(parsed.error!.issues.map((i) => macroFieldOf(i.path)));
    expect(fields).toEqual(new Set(["name", "body", "addTags"]));
    expect(macroFieldOf(createMacroSchema.safeParse(toMacroInput({ ...blank, name: "Empty" }))!.error!.issues[0]!.path)).toBe("root");
    // The server's field errors use dotted paths.
    expect(macroFieldOf("actions.reply.kind")).toBe("message");
    expect(macroFieldOf("actions.teamId")).toBe("teamId");
  });
});
