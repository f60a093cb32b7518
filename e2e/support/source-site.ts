import http from "node:http";

/**
 * Cited pages for capture tests. GET /<name> serves the page's current HTML; a spec changes a
 * page with PUT /<name> (body: the new HTML), as a publisher editing an article would.
 */
export async function startSourceSite(options: { port: number }): Promise<{ close: () => Promise<void> }> {
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://site").pathname);
    if (request.method === "PUT") {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        pages.set(name, Buffer.concat(chunks).toString("utf8"));
        response.writeHead(204).end();
      });
      return;
    }
    const page = pages.get(name);
    if (page === undefined) return void response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  return { close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Publishes (or replaces) a page on the stand-in site; returns its URL. */
export async function publishSourcePage(baseUrl: string, name: string, html: string): Promise<string> {
  const url = `${baseUrl}/${name}`;
  const response = await fetch(url, { method: "PUT", body: html });
  if (response.status !== 204) throw new Error(`source site refused ${name}: ${response.status}`);
  return url;
}
