import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { formatCursor, readLiveHead } from "./changes";

/**
 * Where the team's live feed stands, read once per request and shared by the team layout (the
 * inbox count), a page and its metadata. Each awaits it before reading its own data, so a live
 * stream opened at this cursor misses no change made after that data was read: the guarantee of
 * decision 0022 holds for all of them with one read, whichever asks first.
 */
export const readPageLiveCursor = cache(async (teamId: string) => formatCursor(await readLiveHead(db, teamId)));
