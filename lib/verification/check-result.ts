/** The outcome of a rule check: fine, or the problems to show the editor. */
export type CheckResult = { ok: true } | { ok: false; problems: string[] };

export function toCheckResult(problems: readonly string[]): CheckResult {
  return problems.length === 0 ? { ok: true } : { ok: false, problems: [...problems] };
}
