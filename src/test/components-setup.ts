// Setup of the "components" vitest project (vitest.config.ts): DOM matchers such as
// toBeInTheDocument / toHaveAttribute, the App Router's hooks (not mounted in a DOM test; see
// ./next-navigation.ts) and an empty document after every test.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { resetNavigation } from "./next-navigation";

vi.mock("next/navigation", async () => (await import("./next-navigation")).nextNavigationMock);

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
