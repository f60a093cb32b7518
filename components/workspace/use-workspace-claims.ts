"use client";

import { useMemo, useReducer } from "react";
import { applyPatches, initWorkspaceClaims, workspaceClaimsReducer } from "./claim-patches";
import type { WorkspaceClaim } from "./types";

/**
 * The workspace's claims, seeded from the server's list and patched as the page's changes answer
 * (claim-patches.ts). When the server's list arrives again, it is taken in during the same render.
 */
export function useWorkspaceClaims(served: WorkspaceClaim[]) {
  const [state, dispatch] = useReducer(workspaceClaimsReducer, served, initWorkspaceClaims);
  if (state.seed !== served) dispatch({ type: "seed", claims: served });
  const claims = useMemo(() => applyPatches(state.seed, state.patches), [state.seed, state.patches]);
  return [claims, dispatch] as const;
}
