/** A signed-in browser stand-in: a cookie jar, next-auth's credentials sign-in, and server-action calls over HTTP. */
export type ActionResponse = { status: number; ms: number; result: ActionResult | null; body: string };
export type ActionResult = { ok: boolean; message?: string; data?: unknown };

export class Session {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  hasCookie(suffix: string) {
    return [...this.cookies.keys()].some((name) => name.endsWith(suffix));
  }

  /** As next-auth's signIn("credentials") does: CSRF token first, then the form post. */
  async signIn(email: string, password: string) {
    const csrfResponse = await fetch(`${this.baseUrl}/api/auth/csrf`);
    this.keepCookies(csrfResponse);
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const response = await fetch(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: this.cookieHeader(), Origin: this.baseUrl },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${this.baseUrl}/`, json: "true" }),
    });
    this.keepCookies(response);
    if (!this.hasCookie("next-auth.session-token")) {
      throw new Error(`sign-in of ${email} failed: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
    }
  }

  /**
   * Calls a server action the way Next's client router does (packages/next/src/client/components/
   * router-reducer/reducers/server-action-reducer.ts): POST to the page, `Next-Action: <id>`, the
   * arguments as React's encodeReply text (plain JSON when no argument needs a reference).
   */
  async callAction(pageUrl: string, actionId: string, args: unknown[]): Promise<ActionResponse> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${pageUrl}`, {
      method: "POST",
      headers: {
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
        "Next-Action": actionId,
        Origin: this.baseUrl,
        Cookie: this.cookieHeader(),
      },
      body: encodeReply(args),
    });
    const body = await response.text();
    return { status: response.status, ms: performance.now() - started, result: readActionResult(body), body };
  }
}

/** React's encodeReply for plain JSON values: a string that starts with "$" is escaped as "$$". */
export function encodeReply(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value));
}

/**
 * The action's return value from an RSC (Flight) response: row 0 is `{"a":"$@<row>",...}`
 * naming the row that holds the result, or holding it inline.
 */
export function readActionResult(body: string): ActionResult | null {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  const root = rows.get("0");
  if (!root) return null;
  let action: unknown;
  try {
    action = (JSON.parse(root) as { a?: unknown }).a;
  } catch {
    return null;
  }
  if (typeof action === "string" && action.startsWith("$@")) {
    const row = rows.get(action.slice(2));
    if (!row) return null;
    try {
      action = JSON.parse(row);
    } catch {
      return null;
    }
  }
  return action && typeof action === "object" && "ok" in action ? (action as ActionResult) : null;
}
