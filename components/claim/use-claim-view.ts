"use client";

import { useReducer } from "react";
import { claimViewReducer, initClaimView } from "./claim-view";
import type { ClaimView } from "./types";

/**
 * The claim page's data, seeded from the server's and kept by the page as its changes answer
 * (claim-view.ts). When the server's data arrives again (a refresh, another claim), it is taken
 * in during the same render.
 */
export function useClaimView(detail: ClaimView) {
  const [state, dispatch] = useReducer(claimViewReducer, detail, initClaimView);
  if (state.seed !== detail) dispatch({ type: "seed", detail });
  return [state.view, dispatch] as const;
}
