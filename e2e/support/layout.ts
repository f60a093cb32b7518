import { expect, type Page } from "@playwright/test";

/** The page does not scroll sideways (wide tables and diagrams scroll in their own boxes). */
export async function expectNoPageOverflow(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    // What sticks out, to say why when it fails.
    outside: [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((element) => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX !== "visible") return false;
        }
        return true;
      })
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute("class") ?? ""}`),
  }));
  expect(widths.page, `the page itself does not scroll sideways (${widths.outside.join(" | ")})`).toBeLessThanOrEqual(widths.viewport);
}
