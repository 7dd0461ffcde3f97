import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { navigation } from "@/test/next-navigation";
import { SettingsNav } from "./settings-nav";

describe("SettingsNav", () => {
  it("shows only the sections the member's permissions open, marking the current one", () => {
    navigation.pathname = "/t/acme/settings/members";
    render(<SettingsNav slug="acme" permissions={["tenant:read", "members:read", "cases:read"]} />);
    const links = screen.getAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual(["General", "Profile", "Notifications", "Members", "Teams", "Escalation"]);
    expect(screen.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "General" })).not.toHaveAttribute("aria-current");
    expect(screen.getByRole("link", { name: "Teams" })).toHaveAttribute("href", "/t/acme/settings/teams");
    expect(screen.queryByRole("link", { name: "API keys" })).not.toBeInTheDocument();
  });
});

describe("ThemeToggle", () => {
  it("marks the chosen theme and switches it", async () => {
    const user = userEvent.setup();
    localStorage.clear();
    render(
      <ThemeProvider>
        <ThemeToggle />
      </ThemeProvider>,
    );
    expect(screen.getByRole("button", { name: "System" })).toHaveAttribute("aria-pressed", "true");
    await user.click(await screen.findByRole("button", { name: "Dark" }));
    expect(screen.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "System" })).toHaveAttribute("aria-pressed", "false");
    expect(document.documentElement).toHaveClass("dark");
    expect(localStorage.getItem("theme")).toBe("dark");
  });
});
