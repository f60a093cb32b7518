import { lookup } from "node:dns/promises";
import type { ResolveHost } from "./capture-guard";

/** The real resolver for `checkFetchTarget`: every address, in the order the system gives them. */
export const resolveHostWithDns: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });
