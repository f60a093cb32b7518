import { getParsePool, runParseTask, type ParseBudget, type ParseRunner } from "@/lib/parsing/parse-pool";
import type { JobFailure } from "@/lib/parsing/worker-pool";
import { detectFileFormat, sniffFormat, type UploadFormat, type UploadInput } from "./parse-upload";
import type { ImportPreview } from "./preview";

export type ReadImportResult = { ok: true; value: ImportPreview } | { ok: false; message: string };

const ADVICE: Record<UploadFormat, string> = {
  html: "Open the page in a browser, copy the article's text and paste that instead.",
  markdown: "Paste the article as plain text instead.",
  text: "Import a single article, or split it into parts.",
};
const PASTED: Record<UploadFormat, string> = { html: "This page", markdown: "This Markdown", text: "This text" };

/**
 * Reads a paste or an upload as previewImport does, but on a parsing worker within its time and
 * memory budget (lib/parsing), so no input can hold up the server. Input that overruns is
 * refused with a message that says what to do instead; a bug in the reading code is thrown.
 */
export async function readImport(input: UploadInput, runner: ParseRunner = getParsePool()): Promise<ReadImportResult> {
  const outcome = await runParseTask("previewImport", input, runner);
  if (outcome.ok) return outcome.value;
  if (outcome.failure === "failed") throw new Error(`Reading an import failed: ${outcome.detail}`);
  return { ok: false, message: describeRefusal(outcome.failure, input, runner.budget) };
}

function describeRefusal(failure: Exclude<JobFailure, "failed">, input: UploadInput, budget: ParseBudget): string {
  if (failure === "busy" || failure === "closed") {
    return "The server is busy reading other articles just now; nothing was imported. Try again in a minute.";
  }
  const format = guessFormat(input);
  const subject = input.kind === "file" ? `"${input.name}"` : input.kind === "page" ? "This page" : PASTED[format];
  const advice = ADVICE[format];
  if (failure === "nesting") return `${subject} is nested too deeply to import. ${advice}`;
  if (failure === "memory") return `${subject} is too large to import: reading it needed more than ${budget.memoryMb} MB of memory. ${advice}`;
  const seconds = Number((budget.timeoutMs / 1000).toFixed(1));
  return `${subject} is too complex to import: reading it took longer than ${seconds} s. ${advice}`;
}

/** The format the worker would have read, for the message only: sniffed from the opening bytes. */
function guessFormat(input: UploadInput): UploadFormat {
  if (input.kind === "page") return input.isHtml ? "html" : "text";
  if (input.kind === "paste") return input.format ?? sniffFormat(input.text.slice(0, 65_536));
  const opening = new TextDecoder("latin1").decode(input.bytes.subarray(0, 65_536));
  return detectFileFormat(input.name, input.mimeType) ?? sniffFormat(opening);
}
