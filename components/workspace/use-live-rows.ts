"use client";

import { useCallback, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { coalesce } from "@/lib/live/coalesce";
import type { WorkspaceRows } from "./types";

/** The read action takes at most this many claims at once (live-actions.ts). */
const MAX_CLAIMS_PER_READ = 200;

/**
 * Reads the claims colleagues' structural and citation changes name, as rows with the list's order
 * (readWorkspaceRows), instead of loading the page again. A burst of changes is read once, with
 * the page refresh's timing (lib/live/coalesce.ts: 150 ms after the last, at most 1 s after the
 * first); reads run one at a time, so answers are taken in the order they were read. `apply`
 * takes an answer in and says which claims of its order the list still lacks (added by a change
 * not named yet): those are read next. A refused or failed read falls back to `refetch`.
 */
export function useLiveRows(input: {
  read: (claimIds: string[]) => Promise<ActionResult<WorkspaceRows> | null>;
  apply: (rows: WorkspaceRows) => string[];
  refetch: () => void;
}): (claimIds: Iterable<string>) => void {
  const latest = useRef(input);
  useEffect(() => {
    latest.current = input;
  });
  const pending = useRef(new Set<string>());
  const runner = useRef<ReturnType<typeof coalesce> | null>(null);

  useEffect(() => {
    let isReading = false;
    let isClosed = false;
    const read = async () => {
      if (isReading || pending.current.size === 0) return;
      const claimIds = [...pending.current].slice(0, MAX_CLAIMS_PER_READ);
      for (const id of claimIds) pending.current.delete(id);
      isReading = true;
      const result = await latest.current.read(claimIds).catch(() => null);
      isReading = false;
      if (isClosed) return;
      if (!result?.ok) {
        pending.current.clear();
        return latest.current.refetch();
      }
      // A claim just read is in the answer if it is live; only others can be missing.
      for (const id of latest.current.apply(result.data)) if (!claimIds.includes(id)) pending.current.add(id);
      void read();
    };
    const current = coalesce(() => void read(), { quietMs: 150, maxWaitMs: 1_000 });
    runner.current = current;
    return () => {
      isClosed = true;
      current.cancel();
    };
  }, []);

  return useCallback((claimIds: Iterable<string>) => {
    for (const id of claimIds) pending.current.add(id);
    runner.current?.request();
  }, []);
}
