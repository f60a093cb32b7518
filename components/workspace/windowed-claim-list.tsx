"use client";

import { useImperativeHandle } from "react";
import type { WindowSlot } from "./claim-item";
import { ClaimEditingContext, useClaimWindow, type ClaimListHandle } from "./use-claim-window";

/**
 * The claims list of a long article (decision 0030): the rows near the screen and the pinned ones,
 * with padding and margins for the rest. Its own component, so that a scroll re-renders the list,
 * not the panel around it.
 */
export function WindowedClaimList({
  ids,
  activeId,
  draftClaimId,
  listHandle,
  onRevealed,
  renderItem,
}: {
  ids: readonly string[];
  activeId: string | null;
  draftClaimId?: string | null;
  listHandle?: React.Ref<ClaimListHandle>;
  onRevealed?: (claimId: string) => void;
  renderItem: (index: number, slot: WindowSlot) => React.ReactNode;
}) {
  const { plan, listRef, handle, noteEditing, focusHandlers } = useClaimWindow({ ids, activeId, draftClaimId, onRevealed });
  useImperativeHandle(listHandle, () => handle, [handle]);
  return (
    <ClaimEditingContext value={noteEditing}>
      <ol
        ref={listRef}
        aria-label="Claims"
        data-windowed=""
        className="flex flex-col gap-2"
        style={{ paddingTop: plan.paddingTop, paddingBottom: plan.paddingBottom }}
        {...focusHandlers}
      >
        {plan.slots.map(({ index, marginTop }) => renderItem(index, { position: index + 1, setSize: ids.length, marginTop }))}
      </ol>
    </ClaimEditingContext>
  );
}
