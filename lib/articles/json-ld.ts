/** Fields of a schema.org article found in a page's JSON-LD. */
export type JsonLdArticle = {
  headline: string | null;
  author: string | null;
  publisher: string | null;
  datePublished: string | null;
  url: string | null;
  description: string | null;
};

type JsonObject = { [key: string]: unknown };

const ARTICLE_TYPES = new Set([
  "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
  "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
  "asknewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
  "socialmediaposting", "report", "satiricalarticle", "techarticle",
]);
// Bounds keep a hostile page from making us walk a huge or cyclic structure.
const MAX_DEPTH = 8;
const MAX_NODES = 2000;

/** Find the first schema.org Article-like object in the page's JSON-LD scripts. */
export function findJsonLdArticle(doc: Document): JsonLdArticle | null {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll("script"))) {
    const type = (script.getAttribute("type") ?? "").toLowerCase();
    if (!type.includes("ld+json")) continue;
    const data = parseJsonLoosely(script.textContent ?? "");
    if (data !== undefined) collectObjects(data, nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    if (typeof node["@id"] === "string") byId.set(node["@id"], node);
  }
  const articles = nodes.filter(isArticleNode);
  const article = articles.find((node) => readText(node.headline ?? node.name)) ?? articles[0];
  if (!article) return null;
  return {
    headline: readText(article.headline) ?? readText(article.name),
    author: readNames(article.author ?? article.creator, byId),
    publisher: readNames(article.publisher ?? article.sourceOrganization, byId),
    datePublished: readText(article.datePublished) ?? readText(article.dateCreated),
    url: readUrl(article.url) ?? readUrl(article.mainEntityOfPage),
    description: readText(article.description),
  };
}

function parseJsonLoosely(raw: string): unknown {
  const body = raw
    .replace(/^\s*(<!--|<!\[CDATA\[)/, "")
    .replace(/(-->|\]\]>)\s*$/, "")
    .trim();
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    // CMSes often emit raw newlines inside strings, which JSON forbids.
    try {
      return JSON.parse(body.replace(/[\u0000-\u001F]+/g, " "));
    } catch {
      return undefined;
    }
  }
}

function collectObjects(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > MAX_DEPTH || out.length >= MAX_NODES) return;
  if (Array.isArray(value)) {
    for (const item of value) collectObjects(item, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  out.push(value);
  for (const [key, child] of Object.entries(value)) {
    if (key === "@graph" || key === "mainEntity" || key === "itemListElement" || key === "hasPart") {
      collectObjects(child, out, depth + 1);
    }
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isArticleNode(node: JsonObject): boolean {
  const types = Array.isArray(node["@type"]) ? node["@type"] : [node["@type"]];
  return types.some((type) => {
    if (typeof type !== "string") return false;
    // Types may be prefixed: "schema:NewsArticle" or "https://schema.org/NewsArticle".
    const bare = type.split(/[/:#]/).pop() ?? "";
    return ARTICLE_TYPES.has(bare.toLowerCase());
  });
}

function readText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (Array.isArray(value)) return readText(value[0]);
  return null;
}

function readUrl(value: unknown): string | null {
  if (isObject(value)) return readText(value["@id"]) ?? readText(value.url);
  return readText(value);
}

function readNames(value: unknown, byId: Map<string, JsonObject>): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const name = readName(item, byId);
    if (name && !names.includes(name)) names.push(name);
  }
  return names.length > 0 ? names.join(", ") : null;
}

function readName(item: unknown, byId: Map<string, JsonObject>): string | null {
  if (typeof item === "string") return /^https?:\/\//i.test(item) ? null : item.trim() || null;
  if (!isObject(item)) return null;
  const name = readText(item.name);
  if (name) return name;
  const ref = typeof item["@id"] === "string" ? byId.get(item["@id"]) : undefined;
  return ref && ref !== item ? readText(ref.name) : null;
}
