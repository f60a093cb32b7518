"use client";

import { createContext, useContext } from "react";
import type { ActionResult } from "@/lib/auth/action";
import type { ClaimActions } from "./types";

export type ReportOptions = { success?: string; quietFailure?: boolean; quiet?: boolean };

export type ClaimContextValue = {
  team: string;
  claimId: string;
  /** The claim's revision as loaded; stale saves are refused by the server. */
  revision: number;
  canWrite: boolean;
  userId: string;
  actions: ClaimActions;
  /**
   * Shows an action's result in the toast, and the change's answer on the page (claim-view.ts);
   * a refusal fetches the page's data again. Forms that
   * show their own failure (field errors, role=alert) pass `quietFailure`, and controls that show
   * the whole outcome themselves `quiet`, so nothing is said twice.
   */
  report: <T>(result: ActionResult<T> | null, options?: ReportOptions) => ActionResult<T> | null;
  /** A message of the page's own (e.g. why a shortcut did nothing). */
  notify: (tone: "success" | "error", text: string) => void;
};

const ClaimContext = createContext<ClaimContextValue | null>(null);

export const ClaimProvider = ClaimContext.Provider;

/** The claim page's shared state and actions, for the panels inside it. */
export function useClaim(): ClaimContextValue {
  const value = useContext(ClaimContext);
  if (!value) throw new Error("useClaim must be used inside the claim page");
  return value;
}

/** Why a viewer's click or shortcut does nothing. */
export const READ_ONLY_MESSAGE = "Your role lets you read this claim, not change it.";
