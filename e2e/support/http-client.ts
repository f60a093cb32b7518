import http from "node:http";
import { encodeReply, readActionResult, type ActionResult } from "../../scripts/load/session";

export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };
export type SignInOutcome = { isSignedIn: boolean; message: string | null };

/**
 * A client on loopback that connects from an address of its choosing (127.0.0.2, 127.0.0.3, …:
 * the whole of 127/8 is this machine), so a test can be several clients, or a reverse proxy,
 * to one server, and can send forwarded headers as an attacker or a proxy would. It keeps
 * cookies, signs in through next-auth and calls server actions as the browser does.
 */
export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly options: { localAddress: string; headers?: Record<string, string> },
  ) {}

  request(method: string, path: string, input: { headers?: Record<string, string>; body?: string } = {}): Promise<HttpResponse> {
    const url = new URL(path, this.baseUrl);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const headers = { ...this.options.headers, ...(cookie ? { Cookie: cookie } : {}), ...input.headers };
    return new Promise((resolve, reject) => {
      const request = http.request(
        // 127.0.0.1, not localhost: the source address must be IPv4 loopback too.
        { host: "127.0.0.1", port: url.port, path: url.pathname + url.search, method, headers, localAddress: this.options.localAddress },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            this.keepCookies(response.headers["set-cookie"] ?? []);
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") });
          });
        },
      );
      request.on("error", reject);
      request.end(input.body);
    });
  }

  private keepCookies(lines: string[]) {
    for (const line of lines) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
  }

  /** The CSRF cookie and token next-auth wants with a sign-in; one pair serves many attempts. */
  async fetchCsrfToken(): Promise<string> {
    const response = await this.request("GET", "/api/auth/csrf");
    return (JSON.parse(response.body) as { csrfToken: string }).csrfToken;
  }

  /**
   * As next-auth's signIn("credentials", { redirect: false }) does; the refusal's message as the
   * form shows it. `headers`: extra headers for this request alone (a forged X-Forwarded-For).
   */
  async signIn(email: string, password: string, options: { csrfToken?: string; headers?: Record<string, string> } = {}): Promise<SignInOutcome> {
    const token = options.csrfToken ?? (await this.fetchCsrfToken());
    const response = await this.request("POST", "/api/auth/callback/credentials", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: this.baseUrl, ...options.headers },
      body: new URLSearchParams({ csrfToken: token, email, password, callbackUrl: `${this.baseUrl}/`, json: "true" }).toString(),
    });
    const { url } = JSON.parse(response.body) as { url: string };
    const error = new URL(url).searchParams.get("error");
    const setCookies = response.headers["set-cookie"] ?? [];
    return { isSignedIn: setCookies.some((line) => /next-auth\.session-token=[^;]/.test(line)), message: error };
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"));
  }

  /** Calls a server action as Next's client router does (see scripts/load/session.ts). */
  async callAction(pagePath: string, actionId: string, args: unknown[]): Promise<{ status: number; result: ActionResult | null }> {
    const response = await this.request("POST", pagePath, {
      headers: { Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", "Next-Action": actionId, Origin: this.baseUrl },
      body: encodeReply(args),
    });
    return { status: response.status, result: readActionResult(response.body) };
  }
}
