import { expect, type BrowserContext } from "@playwright/test";

/** Collects CSP violations from every document the context opens: the DOM event and the console. */
export async function watchViolations(context: BrowserContext) {
  const violations: string[] = [];
  await context.exposeBinding("reportCspViolation", ({ page }, text: string) => violations.push(`${page.url()}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

export function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["content-security-policy"], where).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], where).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expectStaticSecurityHeaders(headers, where);
}

/** The headers every response carries, a static file or an RSC payload as much as a page. */
export function expectStaticSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"], where).toBe("same-origin");
}
