import { expect, type Page } from "@playwright/test";

/** Marks the document, so a check can tell that nothing since was a full page load. */
export async function markDocument(page: Page) {
  await page.evaluate(() => Object.assign(window, { factdeskMark: true }));
  return async () => expect(await page.evaluate(() => (window as unknown as { factdeskMark?: boolean }).factdeskMark)).toBe(true);
}

/** Waits until the page's live stream is connected. */
export async function isLive(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: "Live: colleagues' changes show as they happen" })).toBeAttached();
}
