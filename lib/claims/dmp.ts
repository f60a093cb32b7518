import DiffMatchPatch from "diff-match-patch";

/** Diff operations as diff-match-patch encodes them in its [operation, text] tuples. */
export const DIFF_DELETE = -1;
export const DIFF_INSERT = 1;
export const DIFF_EQUAL = 0;

/** Shared diff-match-patch instance: it holds only settings, no state. */
export const dmp = new DiffMatchPatch();
// Bounded so that two wholly different long texts cannot stall a request;
// past the deadline the diff is still valid, just less minimal.
dmp.Diff_Timeout = 2;
