import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MessageBody } from "./message-body";

describe("MessageBody", () => {
  it("renders the text as Markdown once the renderer has loaded", async () => {
    const { container } = render(<MessageBody body={"Thanks, **fixed** now."} />);
    expect((await screen.findByText("fixed")).tagName).toBe("STRONG");
    expect(container.textContent).toContain("Thanks, fixed now.");
  });

  it("folds a mail's quoted history behind 'Show quoted text'", async () => {
    const { container } = render(<MessageBody body={"Still broken.\n\nOn Mon, Ava wrote:\n> Try again?"} />);
    await screen.findByText("Still broken.");
    const details = container.querySelector("details")!;
    expect(details.open).toBe(false);
    expect(details.querySelector("summary")!.textContent).toBe("Show quoted text");
    expect(details.textContent).toContain("> Try again?");
  });

  it("clamps a long message behind 'Show more', and opens it", async () => {
    const body = Array.from({ length: 40 }, (_, i) => `Line ${i + 1}`).join("\n");
    render(<MessageBody body={body} />);
    await screen.findByText(/Line 40/);
    const toggle = screen.getByRole("button", { name: "Show more" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    expect(screen.getByRole("button", { name: "Show less" }).getAttribute("aria-expanded")).toBe("true");
  });

  it("leaves a short message unclamped", async () => {
    render(<MessageBody body="Short." />);
    await screen.findByText("Short.");
    expect(screen.queryByRole("button", { name: "Show more" })).toBeNull();
  });
});
