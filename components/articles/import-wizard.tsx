"use client";

import { useActionState, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";
import { listLines } from "@/lib/articles/clean";
import { MAX_UPLOAD_BYTES } from "@/lib/articles/limits";
import type { ImportPreview } from "@/lib/articles/preview";
import { formatMoment } from "@/lib/text/dates";
import { countOf, pluralize } from "@/lib/text/plural";

/** A page fetched by its address: the capture the import keeps, or the version it is the same as. */
export type FetchedPageNote = { finalUrl: string; fetchedAt: string; captureId: string | null; unchangedSince: number | null };
export type Preview = ImportPreview & { source: string; sameUrl: { id: string; title: string } | null; fetchedPage?: FetchedPageNote };
type Mode = "paste" | "file" | "address";
const MODE_LABELS: Record<Mode, string> = { paste: "Paste text", file: "Upload a file", address: "Fetch from a web address" };
type Action<T> = (state: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * Two steps: read (paste, upload or fetch by address; only a fetched page's record is stored),
 * then review (metadata, debris struck out with a "keep" box per line) and save. `target` makes
 * the import a new version of an article; `initialMode` "address" with it is a re-fetch.
 */
export function ImportWizard({
  teamSlug,
  previewAction,
  saveAction,
  target,
  initialMode = "paste",
}: {
  teamSlug: string;
  previewAction: Action<Preview>;
  saveAction: Action<never>;
  target?: { id: string; title: string; nextVersion: number; url: string | null };
  initialMode?: Mode;
}) {
  const [previewState, readAction] = useActionState(previewAction, null);
  const [isReviewing, setReviewing] = useState(true);
  const isUnchanged = previewState?.ok && previewState.data.fetchedPage?.unchangedSince;
  const preview = previewState?.ok && isReviewing && !isUnchanged ? previewState.data : null;
  if (preview) {
    return <ReviewStep key={preview.text.length + preview.title} teamSlug={teamSlug} preview={preview} saveAction={saveAction} target={target} onBack={() => setReviewing(false)} />;
  }
  return (
    <SourceStep
      teamSlug={teamSlug}
      state={previewState}
      action={readAction}
      defaultUrl={target?.url ?? ""}
      targetId={target?.id}
      initialMode={initialMode}
      onSubmit={() => setReviewing(true)}
    />
  );
}

function SourceStep({
  teamSlug,
  state,
  action,
  defaultUrl,
  targetId,
  initialMode,
  onSubmit,
}: {
  teamSlug: string;
  state: ActionResult<Preview> | null;
  action: (form: FormData) => void;
  defaultUrl: string;
  targetId?: string;
  initialMode: Mode;
  onSubmit: () => void;
}) {
  const [mode, setMode] = useState<Mode>(initialMode);
  // Checked here before sending: past the server's request limit Next refuses the request
  // outright and the page is replaced by a crash screen, losing the paste.
  const [sizeError, setSizeError] = useState<{ field: "file" | "text"; message: string }>();
  const serverErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errors = sizeError ? { ...serverErrors, [sizeError.field]: [sizeError.message] } : serverErrors;
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const unchanged = state?.ok ? state.data.fetchedPage : undefined;
  // The mode switch sits outside the form: React resets a form after its action, which
  // would flip the radios back while the file field stays shown.
  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">How do you bring the article in?</legend>
        <div className="flex gap-4 text-sm">
          {(["paste", "file", "address"] as const).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input type="radio" name="source-mode" value={option} checked={mode === option} onChange={() => setMode(option)} />
              {MODE_LABELS[option]}
            </label>
          ))}
        </div>
      </fieldset>
      <form
        action={action}
        onSubmit={(event) => {
          const tooLarge = findTooLarge(event.currentTarget, mode);
          setSizeError(tooLarge);
          if (tooLarge) event.preventDefault();
          else onSubmit();
        }}
        className="space-y-5"
      >
        <input type="hidden" name="team" value={teamSlug} />
        <input type="hidden" name="mode" value={mode} />
        {targetId ? <input type="hidden" name="articleId" value={targetId} /> : null}
        {state && !state.ok && !state.fieldErrors ? <Notice tone="error">{state.message}</Notice> : null}
        {unchanged?.unchangedSince ? (
          <Notice tone="info">
            Unchanged: the article at {unchanged.finalUrl} reads the same as version {unchanged.unchangedSince} (fetched{" "}
            {formatMoment(unchanged.fetchedAt)}). Nothing was imported.
          </Notice>
        ) : null}
        {/* The text box stays in the page (hidden) in the other modes: switching loses no paste. */}
        <div className="space-y-1" hidden={mode !== "paste"}>
          <label htmlFor="import-text" className="block text-sm font-medium text-slate-800">
            Article text
          </label>
          <textarea
            id="import-text"
            name="text"
            rows={14}
            defaultValue={values.text}
            className={`${inputClasses} font-serif`}
            placeholder="Paste the article: plain text, Markdown, or the HTML of a saved page."
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={errors.text ? "import-text-error" : undefined}
          />
          {errors.text ? (
            <p id="import-text-error" role="alert" className="text-sm text-red-700">
              {errors.text.join(" ")}
            </p>
          ) : null}
        </div>
        {mode === "file" ? (
          <Field
            label="Article file"
            name="file"
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            hint="A .txt, .md or .html file (a saved web page), up to 5 MB. Scripts, styles and trackers in HTML are dropped."
            errors={errors.file}
          />
        ) : null}
        {mode === "address" ? (
          <Field
            key="url"
            label="Web address of the article"
            name="url"
            type="url"
            required
            defaultValue={values.url ?? defaultUrl}
            placeholder="https://…"
            hint="FactDesk fetches the page and shows what it read before anything is imported; it keeps the page's address, fetch time and fingerprint with the article."
            errors={errors.url}
          />
        ) : (
          <Field key="url" label="Original web address (optional)" name="url" type="url" defaultValue={values.url ?? defaultUrl} placeholder="https://…" errors={errors.url} />
        )}
        {mode === "address" ? <SubmitButton pendingLabel="Fetching…">Fetch and read</SubmitButton> : <SubmitButton pendingLabel="Reading…">Read article</SubmitButton>}
      </form>
    </div>
  );
}

/** A chosen file or a paste over the upload limit, named with its size; undefined when it fits. */
function findTooLarge(form: HTMLFormElement, mode: Mode): { field: "file" | "text"; message: string } | undefined {
  if (mode === "address") return undefined;
  const describe = (what: string, bytes: number) => `${what} is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
  if (mode === "file") {
    const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    return file && file.size > MAX_UPLOAD_BYTES ? { field: "file", message: describe(`"${file.name}"`, file.size) } : undefined;
  }
  const text = (form.elements.namedItem("text") as HTMLTextAreaElement | null)?.value ?? "";
  const bytes = new Blob([text]).size;
  return bytes > MAX_UPLOAD_BYTES ? { field: "text", message: describe("The pasted text", bytes) } : undefined;
}

function ReviewStep({
  teamSlug,
  preview,
  saveAction,
  target,
  onBack,
}: {
  teamSlug: string;
  preview: Preview;
  saveAction: Action<never>;
  target?: { id: string; title: string; nextVersion: number };
  onBack: () => void;
}) {
  const [state, save] = useActionState(saveAction, null);
  const [kept, setKept] = useState<Set<number>>(new Set());
  const [asVersionOf, setAsVersionOf] = useState<string | null>(target?.id ?? preview.sameUrl?.id ?? null);
  const lines = useMemo(() => listLines(preview.text), [preview.text]);
  const debrisByIndex = useMemo(() => new Map(preview.debris.map((line) => [line.index, line])), [preview.debris]);
  const removed = preview.debris.map((line) => line.index).filter((index) => !kept.has(index));
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  // React resets the form after its action: a refused save refills what the editor typed.
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const toggle = (index: number) =>
    setKept((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  return (
    <form action={save} className="grid gap-6 lg:grid-cols-[20rem_1fr]">
      <input type="hidden" name="team" value={teamSlug} />
      <input type="hidden" name="text" value={preview.text} />
      <input type="hidden" name="removedLines" value={JSON.stringify(removed)} />
      <input type="hidden" name="source" value={preview.source} />
      <input type="hidden" name="articleId" value={asVersionOf ?? ""} />
      <input type="hidden" name="captureId" value={preview.fetchedPage?.captureId ?? ""} />
      <div className="space-y-4">
        {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
        {preview.fetchedPage ? (
          <Notice tone="info">
            Fetched from <span className="break-all">{preview.fetchedPage.finalUrl}</span> at {formatMoment(preview.fetchedPage.fetchedAt)}. The page&apos;s
            address, fetch time and fingerprint are kept with the article.
          </Notice>
        ) : null}
        {!target && preview.sameUrl ? (
          <Notice tone="info">
            <p>
              An article with this address is already here: <strong>{preview.sameUrl.title}</strong>.
            </p>
            <label className="mt-2 flex items-center gap-2">
              <input type="checkbox" checked={asVersionOf === preview.sameUrl.id} onChange={(event) => setAsVersionOf(event.target.checked ? preview.sameUrl!.id : null)} />
              Import as a new version of it (its claims are re-anchored)
            </label>
          </Notice>
        ) : null}
        {target ? <Notice tone="info">This text becomes version {target.nextVersion} of “{target.title}”. Its claims will be re-anchored and any whose passage changed will be flagged.</Notice> : null}
        <Field label="Title" name="title" required defaultValue={values.title ?? (preview.title || target?.title || "")} errors={errors.title} />
        <Field label="Outlet" name="outlet" defaultValue={values.outlet ?? preview.outlet ?? ""} errors={errors.outlet} />
        <Field label="Author" name="author" defaultValue={values.author ?? preview.author ?? ""} errors={errors.author} />
        <Field label="Web address" name="url" type="url" defaultValue={values.url ?? preview.url ?? ""} errors={errors.url} />
        <Field label="Published on" name="publishedAt" type="date" defaultValue={values.publishedAt ?? preview.publishedAt ?? ""} errors={errors.publishedAt} />
        <div className="flex gap-2">
          <SubmitButton pendingLabel="Importing…">{asVersionOf ? "Import as new version" : "Import article"}</SubmitButton>
          <Button variant="secondary" onClick={onBack}>
            Back
          </Button>
        </div>
      </div>
      <section aria-labelledby="preview-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="preview-heading" className="text-lg font-semibold">
          Text to import
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          {preview.debris.length === 0
            ? "No page debris found."
            : `${countOf(preview.debris.length, "line")} ${pluralize(preview.debris.length, "looks like page debris and is struck out: it", "look like page debris and are struck out: they")} will not be imported. Tick “Keep” to keep ${pluralize(preview.debris.length, "it", "any of them")}.`}
        </p>
        <div className="max-h-[36rem] space-y-3 overflow-y-auto font-serif leading-relaxed" data-testid="import-preview">
          {groupByBlock(lines).map((block) => (
            <p key={block[0].index}>
              {block.map((line) => {
                const debris = debrisByIndex.get(line.index);
                if (!debris) return <span key={line.index} className="block">{line.text}</span>;
                const isKept = kept.has(line.index);
                return (
                  <span key={line.index} className="block rounded bg-amber-50 px-1" data-testid="debris-line">
                    <span className={isKept ? "" : "text-slate-500 line-through"}>{line.text}</span>{" "}
                    <span className="font-sans text-xs text-amber-900">({debris.label})</span>{" "}
                    <label className="ml-1 inline-flex items-center gap-1 font-sans text-xs">
                      <input type="checkbox" checked={isKept} onChange={() => toggle(line.index)} />
                      Keep<span className="sr-only"> “{line.text}”</span>
                    </label>
                  </span>
                );
              })}
            </p>
          ))}
        </div>
      </section>
    </form>
  );
}


function groupByBlock<T extends { blockIndex: number }>(lines: T[]): T[][] {
  const blocks: T[][] = [];
  for (const line of lines) {
    const last = blocks[blocks.length - 1];
    if (last && last[0].blockIndex === line.blockIndex) last.push(line);
    else blocks.push([line]);
  }
  return blocks;
}
