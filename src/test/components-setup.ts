// Setup of the "components" vitest project (vitest.config.ts): DOM matchers such as
// toBeInTheDocument / toHaveAttribute, the App Router's hooks (not mounted in a DOM test; see
// ./next-navigation.ts) and an empty document after every test.
import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { resetNavigation } from "./next-navigation";

vi.mock("next/navigation", async () => (await import("./next-navigation")).nextNavigationMock);

// findBy* and waitFor give up after 5 s instead of 1 s. Parts loaded on first use (the command
// palette, charts, the Markdown renderer) are compiled by the test runner on their first import,
// which on two busy shared cores took longer than a second: three such waits failed in one CI run
// and passed on the next. A test that waits for something that never comes still fails.
configure({ asyncUtilTimeout: 5_000 });

// Two standard properties happy-dom leaves out. react-hook-form reads both to tell whether a
// <select> was changed before the form was ready; without them every registered select counts as
// "edited" and keeps its first option instead of the form's default value.
if (!("size" in HTMLSelectElement.prototype)) {
  Object.defineProperty(HTMLSelectElement.prototype, "size", {
    configurable: true,
    get(this: HTMLSelectElement) {
      return Number(this.getAttribute("size")) || 0;
    },
  });
}
if (!("defaultSelected" in HTMLOptionElement.prototype)) {
  Object.defineProperty(HTMLOptionElement.prototype, "defaultSelected", {
    configurable: true,
    get(this: HTMLOptionElement) {
      return this.hasAttribute("selected");
    },
  });
}

afterEach(() => {
  cleanup();
  resetNavigation();
});
