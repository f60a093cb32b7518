/**
 * A trap for script injection, for the bad-input spec. Every payload calls `__xss(label)` (or
 * `alert`, or sets `window.pwned`); the trap records any call, any dialog, and any console report
 * of a Content Security Policy violation. A page where the text was rendered as text records
 * nothing: CSP never had to step in.
 */
import { expect, type Page } from "@playwright/test";

export type Trap = {
  /** Payload labels that ran, dialogs that opened, and CSP violations the console reported. */
  readonly hits: string[];
  readonly dialogs: string[];
  readonly violations: string[];
  /** Asserts nothing ran or was blocked so far, and no javascript: link is on the page. */
  expectClean: (where: string) => Promise<void>;
};

/** Arms the trap on a page (before any navigation): it holds across reloads and navigations. */
export async function armTrap(page: Page): Promise<Trap> {
  const hits: string[] = [];
  const dialogs: string[] = [];
  const violations: string[] = [];
  await page.exposeFunction("__xssHit", (label: string) => void hits.push(label));
  await page.addInitScript(() => {
    const record = (label: unknown) => (window as unknown as { __xssHit: (label: string) => void }).__xssHit(String(label));
    Object.defineProperty(window, "__xss", { value: record, writable: false });
    Object.defineProperty(window, "pwned", { set: (value: unknown) => record(`pwned:${String(value)}`), get: () => undefined });
  });
  page.on("dialog", (dialog) => {
    // The app's own confirmations (e.g. withdrawing an invitation) are not injections.
    if (dialog.type() !== "confirm") dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|run)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => {
    if (/xss|pwned/i.test(error.message)) hits.push(`pageerror: ${error.message}`);
  });
  return {
    hits,
    dialogs,
    violations,
    async expectClean(where) {
      await page.waitForLoadState("load");
      expect(hits, `script ran on ${where}`).toEqual([]);
      expect(dialogs, `a dialog opened on ${where}`).toEqual([]);
      expect(violations, `CSP had to block something on ${where}`).toEqual([]);
      const scriptLinks = await page.locator('a[href^="javascript:" i], a[href^=" javascript:" i], a[href^="data:" i], iframe, object, embed').count();
      expect(scriptLinks, `a javascript:/data: link or an embedded frame on ${where}`).toBe(0);
    },
  };
}

/**
 * A payload that runs `__xss(label)` in every way an HTML injection could: an image error
 * handler, an SVG load handler after breaking out of an attribute, a script element, and a
 * javascript: link. Shown as text, it is harmless and recognisable.
 */
export function payload(label: string): string {
  return `<img src=x onerror="__xss('${label}')">"><svg onload=__xss('${label}')><script>__xss('${label}')</script><a href="javascript:__xss('${label}')">${label}</a>`;
}

/** The same for short fields (names, labels): an error handler only, under 60 characters. */
export function shortPayload(label: string): string {
  const text = `<img src=x onerror=__xss('${label}')>`;
  if (text.length > 60) throw new Error(`payload for ${label} is too long for a short field`);
  return text;
}

/** An address that is valid http(s) but carries the payload's characters in its query. */
export function payloadUrl(base: string, label: string): string {
  return `${base}?q="><img src=x onerror=__xss('${label}')>&r='-alert('${label}')-'`;
}

/** Picks a registry source, or creates it inline, through the citation form's Source combobox. */
export async function chooseSource(page: Page, name: string) {
  const source = page.getByRole("combobox", { name: "Source", exact: true });
  await source.fill(name);
  const listbox = page.getByRole("listbox", { name: "Matching sources" });
  await expect(listbox.getByRole("option").first()).toBeVisible();
  await listbox.getByRole("option", { name: `Create new source “${name}”` }).click();
}

/** Removes a field's maxlength, as an old or tampered client would, so the server has to refuse. */
export async function dropMaxLength(page: Page, selector: string) {
  await page.locator(selector).evaluate((element) => element.removeAttribute("maxlength"));
}
