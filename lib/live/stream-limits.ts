/**
 * Open live streams per person in this server process. A stream holds a connection and a timer
 * for as long as the page is open; a person has a few tabs, not hundreds, and a script that opens
 * streams by the thousand must not exhaust the process. Per process, like the connections it
 * protects (behind a proxy spreading requests, a person's tabs land on several processes).
 */
export const MAX_STREAMS_PER_PERSON = 20;

const open = new Map<string, number>();

export function countStreams(userId: string): number {
  return open.get(userId) ?? 0;
}

/** Counts a stream as open until the returned release is called (once). */
export function openStream(userId: string): () => void {
  open.set(userId, countStreams(userId) + 1);
  let isReleased = false;
  return () => {
    if (isReleased) return;
    isReleased = true;
    const left = countStreams(userId) - 1;
    if (left > 0) open.set(userId, left);
    else open.delete(userId);
  };
}
