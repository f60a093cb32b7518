import { previewImport } from "@/lib/articles/preview";
import type { UploadInput } from "@/lib/articles/parse-upload";
import { locatePassage } from "@/lib/sources/locate-passage";
import { findPassage } from "@/lib/sources/passage";
import { readPageText, type PageBody } from "@/lib/sources/read-page";

type PassageSearch = { text: string; passage: string };

/**
 * Everything that reads user-supplied or fetched content runs here, in a worker thread
 * (lib/parsing/parse-worker.ts), never on the thread that serves requests.
 */
const PARSE_TASKS = {
  previewImport: (input: UploadInput) => previewImport(input),
  readPage: (input: PageBody) => readPageText(input),
  findPassage: ({ text, passage }: PassageSearch) => findPassage(text, passage),
  locatePassage: ({ text, passage }: PassageSearch) => locatePassage(text, passage),
};

export type ParseTaskName = keyof typeof PARSE_TASKS;
export type ParseTaskInput<N extends ParseTaskName> = Parameters<(typeof PARSE_TASKS)[N]>[0];
export type ParseTaskResult<N extends ParseTaskName> = ReturnType<(typeof PARSE_TASKS)[N]>;
/** One job as it travels to a worker (structured clone: plain data only). */
export type ParseJob = { [N in ParseTaskName]: { task: N; input: ParseTaskInput<N> } }[ParseTaskName];

export function runParseJob(job: ParseJob): unknown {
  const run = PARSE_TASKS[job.task] as (input: unknown) => unknown;
  if (!run) throw new Error(`Unknown parse task: ${String(job.task)}`);
  return run(job.input);
}
