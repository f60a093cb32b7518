import autocannon, { type Client } from "autocannon";
import { describeActionRequest, readActionResult } from "./server-action";
import type { Editor } from "./seed";

/** Requests per second that `connections` clients get from `url` in `seconds`, 2xx only. */
export async function measureThroughput(url: string, headers: Record<string, string>, options: { connections: number; seconds: number }) {
  const result = await autocannon({ url, headers, connections: options.connections, duration: options.seconds, timeout: 60 });
  const failed = result.non2xx + result.errors;
  if (failed > 0) throw new Error(`${url}: ${failed} of ${result["2xx"] + failed} requests failed (${JSON.stringify(result.statusCodeStats)})`);
  return { requestsPerSecond: result["2xx"] / result.duration, requests: result["2xx"], seconds: result.duration };
}

type ClaimState = Editor["claims"][number];
export type EditorRun = { latencies: number[]; changed: number; failures: string[]; seconds: number };

/**
 * 20 editors (one connection and session each) change the state of their own claims back and
 * forth as the claim page does, "In progress" → "Needs review" → "In progress" (a backward move,
 * with a note), each call carrying the revision the editor last saw, `changesEach` times each
 * (so every request sent is answered before the run ends). Every response is read: a refused
 * change is a failure, after which the editor re-reads its claim (`reread`, done by the time the
 * editor comes back to that claim: it goes on with its next one meanwhile).
 */
export async function runEditors(input: {
  baseUrl: string;
  slug: string;
  articleId: string;
  actionId: string;
  routerState: (claimId: string) => string;
  editors: Array<Editor & { cookie: string }>;
  changesEach: number;
  reread: (claimId: string) => Promise<Pick<ClaimState, "revision" | "status">>;
}): Promise<EditorRun> {
  const run: EditorRun = { latencies: [], changed: 0, failures: [], seconds: 0 };
  let nextEditor = 0;
  const requestFor = (editor: Editor & { cookie: string }, claim: ClaimState) => {
    const status: ClaimState["status"] = claim.status === "in_progress" ? "needs_review" : "in_progress";
    const note = status === "in_progress" ? "Sent back: the second source needs another look." : "";
    const request = describeActionRequest({
      origin: input.baseUrl, cookie: editor.cookie, actionId: input.actionId, routerState: input.routerState(claim.id),
      argument: { team: input.slug, claimId: claim.id, revision: claim.revision, status, note },
    });
    return { path: `/t/${input.slug}/articles/${input.articleId}/claims/${claim.id}`, headers: request.headers, body: request.body, status };
  };
  const setupClient = (client: Client) => {
    const editor = input.editors[nextEditor++ % input.editors.length];
    let turn = 0;
    let pending = requestFor(editor, editor.claims[0]);
    const send = () => {
      const request = client.requestIterator.requests[0];
      Object.assign(request, { path: pending.path });
      client.setHeadersAndBody(pending.headers, pending.body);
    };
    send();
    client.requestIterator.requests[0].onResponse = (status, body) => {
      const claim = editor.claims[turn % editor.claims.length];
      const result = status === 200 ? safely(() => readActionResult(body)) : null;
      if (result && typeof result === "object" && (result as { ok?: unknown }).ok === true) {
        claim.revision += 1;
        claim.status = pending.status;
        run.changed += 1;
      } else {
        run.failures.push(`${editor.email}: HTTP ${status} ${JSON.stringify(result ?? body.slice(0, 200))}`);
        void input.reread(claim.id).then((fresh) => Object.assign(claim, fresh));
      }
      turn += 1;
      pending = requestFor(editor, editor.claims[turn % editor.claims.length]);
      send();
    };
  };
  const instance = autocannon({
    url: input.baseUrl, method: "POST", connections: input.editors.length, amount: input.editors.length * input.changesEach, timeout: 60,
    requests: [{ method: "POST" }], setupClient,
  });
  instance.on("response", (_client, _status, _bytes, ms) => run.latencies.push(ms));
  const result = await instance;
  run.seconds = result.duration;
  if (result.errors > 0) run.failures.push(`${result.errors} connection errors or time-outs`);
  return run;
}

function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
