import type { Page } from "@playwright/test";

/**
 * Selects `phrase` in the workspace's article text as a mouse would (DOM Selection API). Apart
 * from the article helpers, which open the database: the walk (scripts/walk) uses it against a
 * running server.
 */
export async function selectText(page: Page, phrase: string) {
  await page.evaluate((wanted) => {
    const root = document.getElementById("article-text")!;
    for (const run of root.querySelectorAll<HTMLElement>("[data-start]")) {
      const node = run.firstChild;
      const at = node?.textContent?.indexOf(wanted) ?? -1;
      if (!node || at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in one run of the article's text`);
  }, phrase);
}
