"use client";

import { useMemo, useReducer } from "react";
import { applyPatches, initWorkspaceClaims, workspaceClaimsReducer } from "./claim-patches";
import type { DeletedClaim, WorkspaceClaim } from "./types";

/**
 * The workspace's claims and recently deleted ones, seeded from the server's lists and patched as
 * the page's changes answer and colleagues' changes are read (claim-patches.ts). When the
 * server's lists arrive again, they are taken in during the same render.
 */
export function useWorkspaceClaims(served: WorkspaceClaim[], servedDeleted: DeletedClaim[]) {
  const [state, dispatch] = useReducer(workspaceClaimsReducer, served, (claims) => initWorkspaceClaims(claims, servedDeleted));
  if (state.served !== served) dispatch({ type: "seed", claims: served, deleted: servedDeleted });
  const claims = useMemo(() => applyPatches(state.seed, state.patches), [state.seed, state.patches]);
  return [claims, state.deleted, dispatch] as const;
}
