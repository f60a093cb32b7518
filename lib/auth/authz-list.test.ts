import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { actions, HTTP_METHODS, pages, routes } from "@/tests/authz/endpoints";

/**
 * The authorization matrix covers only what tests/authz/endpoints.ts lists, so the list must be
 * complete: every page, every route handler's method and every server action found in the code
 * is on it, and everything on it is still in the code.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE = /\.(tsx?|jsx?|mjs)$/;

function listFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : listFiles(relative);
    return SOURCE.test(entry.name) && !/\.test\.[jt]sx?$/.test(entry.name) ? [relative] : [];
  });
}

function parse(file: string) {
  return ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
}

/** `app/(app)/t/[team]/sources/page.tsx` -> `/t/[team]/sources`: route groups and parallel slots leave the URL. */
function toRoute(file: string): string {
  const segments = path.posix.dirname(file).split("/").slice(1);
  const kept = segments.filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  return `/${kept.join("/")}`;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

/** The names a module exports at run time (types left out). */
function listRuntimeExports(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && hasExportModifier(statement)) {
      const isDefault = (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
      names.push(isDefault ? "default" : (statement.name?.text ?? "default"));
    } else if (ts.isExportAssignment(statement)) {
      names.push("default");
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      if (!statement.exportClause) names.push(`* from ${statement.moduleSpecifier?.getText(source)}`);
      else if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
      } else names.push(statement.exportClause.name.text);
    }
  }
  return names;
}

function isUseServer(statement: ts.Statement | undefined): boolean {
  return Boolean(statement && ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression) && statement.expression.text === "use server");
}

/** Functions with their own "use server" directive (a server action written inside a page or component). */
function listInlineActions(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const body = (node as { body?: ts.Node }).body;
    if (ts.isFunctionLike(node) && body && ts.isBlock(body) && isUseServer(body.statements[0])) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${source.fileName}:${line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const appFiles = listFiles("app");
/** Only a file that says "use server" somewhere can hold a server action. */
const serverFiles = [...appFiles, ...listFiles("lib"), ...listFiles("components")].filter((file) =>
  fs.readFileSync(path.join(ROOT, file), "utf8").includes("use server"),
);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe("the authorization list (tests/authz/endpoints.ts) names every entry point", () => {
  it("every page", () => {
    const found = appFiles.filter((file) => /\/page\.(tsx?|jsx?|mdx?)$/.test(file)).map(toRoute);
    expect(sorted(pages.map((entry) => entry.route))).toEqual(sorted(found));
    expect(pages.length, "a page is listed twice").toBe(new Set(pages.map((entry) => entry.route)).size);
  });

  it("every route handler and each of its methods", () => {
    const found = appFiles
      .filter((file) => /\/route\.(tsx?|jsx?|mjs)$/.test(file))
      .flatMap((file) => {
        const exported = listRuntimeExports(parse(file));
        const unknown = exported.filter((name) => !(HTTP_METHODS as readonly string[]).includes(name) && !/^(dynamic|revalidate|runtime|preferredRegion|maxDuration|fetchCache|dynamicParams|generateStaticParams)$/.test(name));
        expect(unknown, `${file} exports something that is neither a method nor a route option`).toEqual([]);
        return exported.filter((name) => (HTTP_METHODS as readonly string[]).includes(name)).map((method) => `${method} ${toRoute(file)}`);
      });
    // Metadata files (sitemap, robots, icons, social images) are route handlers too: GET, at their own name.
    const metadataRoutes = appFiles
      .filter((file) => /\/(sitemap|robots|manifest|opengraph-image|twitter-image|icon|apple-icon)\d*\.(tsx?|jsx?)$/.test(file))
      .map((file) => `GET ${toRoute(file).replace(/\/$/, "")}/${path.posix.basename(file).replace(/\.[^.]+$/, "")}`);
    expect(sorted(routes.flatMap((entry) => entry.methods.map((method) => `${method} ${entry.route}`)))).toEqual(sorted([...found, ...metadataRoutes]));
  });

  it('every export of every "use server" module', () => {
    const found = serverFiles.flatMap((file) => {
      const source = parse(file);
      return isUseServer(source.statements[0]) ? listRuntimeExports(source).map((name) => `${file} ${name}`) : [];
    });
    const listed = actions.map((entry) => `${entry.module} ${entry.name}`);
    expect(sorted(listed)).toEqual(sorted(found));
    expect(listed.length, "an action is listed twice").toBe(new Set(listed).size);
  });

  it('no server action is written inline (a function with its own "use server"); put it in an actions module', () => {
    expect(serverFiles.flatMap((file) => listInlineActions(parse(file)))).toEqual([]);
  });

  it("finds what it looks for (the scan itself works)", () => {
    const probe = ts.createSourceFile(
      "probe.ts",
      `"use server";\nexport const a = 1;\nexport async function b() {}\nconst c = 1;\nexport { c as d };\nexport type T = string;\nexport default async function page() { async function inner() { "use server"; } }`,
      ts.ScriptTarget.Latest,
      true,
    );
    expect(isUseServer(probe.statements[0])).toBe(true);
    expect(listRuntimeExports(probe)).toEqual(["a", "b", "d", "default"]);
    expect(listInlineActions(probe)).toEqual(["probe.ts:7"]);
    expect(toRoute("app/(app)/t/[team]/@modal/sources/page.tsx")).toBe("/t/[team]/sources");
    expect(toRoute("app/page.tsx")).toBe("/");
  });
});
