"use client";

import { useRouter } from "next/navigation";
import { flushSync } from "react-dom";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { PresentPeople } from "@/components/live/present-people";
import { usePresenceHeartbeat } from "@/components/live/use-presence-heartbeat";
import { useDebouncedRefresh, useLiveChanges } from "@/components/live/use-live-changes";
import { ARTICLE_IMPORTED, CITATION_CHANGES, STATE_CHANGES, STATEMENT_EDITED, STRUCTURAL_CHANGES, SUGGESTION_DISMISSED } from "@/lib/live/relevance";
import { noteLocalChange } from "@/components/team/refresh-on-return";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/auth/action";
import { findParagraphIndex, splitParagraphs, type Paragraph } from "@/lib/articles/paragraphs";
import { expandClaims, type CompactClaim } from "@/lib/claims/compact-claims";
import { sortByArticle } from "@/lib/claims/order";
import { isCovered } from "@/lib/claims/suggest/coverage";
import { AddClaimDialog } from "./add-claim-dialog";
import { BulkSignOffDialog } from "./bulk-sign-off-dialog";
import { describeBulkResult, describeCitedOutlet, listSignOffsToWithdraw } from "./bulk-claim-actions";
import { ConfirmCiteOutletDialog } from "./cite-outlet-dialog";
import { findMissedChanges, mergeRows, type ChangedClaim } from "./claim-patches";
import type { ClaimMark, ParagraphClaims, SuggestionMark } from "./article-paragraph";
import { ArticleText } from "./article-text";
import { focusClaimControl, type ClaimCommands } from "./claim-item";
import type { MatchMarkers } from "./match-marker";
import { ClaimsPanel } from "./claims-panel";
import type { ClaimListHandle } from "./use-claim-window";
import { KeyboardHelp } from "./keyboard-help";
import { SplitClaimDialog } from "./split-claim-dialog";
import { SuggestionsPanel } from "./suggestions-panel";
import { abbreviatePassage, splitSentences } from "./text-navigation";
import { Toast, type ToastMessage } from "./toast";
import { SkipToText } from "./skip-to-text";
import { useClaimOrder } from "./use-claim-order";
import { useHelpKey } from "./use-help-key";
import { useLiveRows } from "./use-live-rows";
import { useWorkspaceClaims } from "./use-workspace-claims";
import type {
  BulkChange,
  DeletedClaim,
  NumberedClaim,
  Suggestion,
  TeamMember,
  TextRange,
  WorkspaceActions,
  WorkspaceClaim,
} from "./types";
import { countOf } from "@/lib/text/plural";
import { describeArticlePlace, listPresentPeople } from "@/lib/presence/group";
import type { PresenceEntry } from "@/lib/presence/presence";
import type { BulkSignOffResult } from "@/lib/verification/bulk-sign-off";
import type { ClaimState } from "@/lib/verification/claim-change";

/** Where to bring a claim into view once it is rendered, and which of its controls gets focus. */
type ScrollRequest = { claimId: string; target: "text" | "list"; focus?: "select" | "up" | "down"; number?: number };

/**
 * The article workspace: the text with its claims highlighted beside the list of claims.
 * Derived data is memoised per text and per claims list, so a long article with a thousand
 * claims re-renders only what changed. A change to claims (a statement, their state, their
 * assignee) answers with the claims it changed, which the list shows at once; one that
 * restructures the list (add, split, merge, move, delete) renders the page again. Colleagues'
 * changes come from the live feed and are patched in; only a new version renders the page again.
 */
export function Workspace({
  team,
  articleId,
  versionNumber,
  text,
  suggestions: servedSuggestions,
  claims: served,
  deleted: servedDeleted,
  canWrite,
  actions,
  members = [],
  userId,
  header,
  liveCursor,
  matchMarkers,
  outlet = null,
}: {
  /** The article's outlet, which "Cite the outlet" cites for the ticked claims. */
  outlet?: string | null;
  /** "Checked before" and "Repeated" markers for the list, streamed in after it. */
  matchMarkers?: MatchMarkers;
  team: string;
  articleId: string;
  /** Where the team's live feed stood when the page's data was read (lib/live). */
  liveCursor: string;
  versionNumber: number;
  text: string;
  /** The suggestions to mark in the text, once asked for (null: not asked for on this article). */
  suggestions: Suggestion[] | null;
  /** The claims as the page sends them: each one's quote comes back from `text` here. */
  claims: CompactClaim[];
  deleted: DeletedClaim[];
  canWrite: boolean;
  actions: WorkspaceActions;
  /** Who ticked claims can be assigned to. */
  members?: TeamMember[];
  /** Who is looking: whose choice of claim order to remember, and whose changes this tab already shows. */
  userId: string;
  header: React.ReactNode;
}) {
  const router = useRouter();
  // The same expansion on the server and in the browser, so the rendered rows hydrate unchanged.
  const expanded = useMemo<WorkspaceClaim[]>(() => expandClaims(served, text), [served, text]);
  const [claims, deleted, dispatchClaims] = useWorkspaceClaims(expanded, servedDeleted);
  const textRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [checkedIds, setCheckedIds] = useState<ReadonlySet<string>>(() => new Set());
  const [addRange, setAddRange] = useState<TextRange | null>(null);
  const [splitId, setSplitId] = useState<string | null>(null);
  const [preview, setPreview] = useState<TextRange | null>(null);
  const [allSuggestions, setSuggestions] = useState<Suggestion[] | null>(servedSuggestions);
  /** The claim whose statement editor opens by itself: an accepted suggestion, to finish its draft. */
  const [draftClaimId, setDraftClaimId] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [isMerging, startMerging] = useTransition();
  const [isBulkUpdating, startBulkUpdate] = useTransition();
  const [isCiting, startCiting] = useTransition();
  /** The ticked claims with verdicts, as they were when "Sign off" was pressed (the review reads them anew). */
  const [signingOff, setSigningOff] = useState<NumberedClaim[] | null>(null);
  /** The ticked claims, and those whose sign-off citing the outlet would withdraw, while that is asked. */
  const [confirmingCite, setConfirmingCite] = useState<{ ids: string[]; withdrawn: NumberedClaim[] } | null>(null);
  const [scrollTick, setScrollTick] = useState(0);
  const scrollRequest = useRef<ScrollRequest | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const listHandle = useRef<ClaimListHandle>(null);

  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  const sentences = useMemo(() => splitSentences(paragraphs), [paragraphs]);
  const [order, setOrder] = useClaimOrder(`factdesk:claim-order:${userId}`);
  // Numbered as listed, so the numbers in the text and the list agree in either order.
  const numbered = useMemo<NumberedClaim[]>(
    () => (order === "article" ? sortByArticle(claims) : claims).map((claim, index) => ({ ...claim, number: index + 1 })),
    [claims, order],
  );
  const claimById = useMemo(() => new Map(numbered.map((claim) => [claim.id, claim])), [numbered]);
  // A claim on a suggested passage, a colleague's arriving live among them, takes its suggestion away.
  const suggestions = useMemo(() => allSuggestions && allSuggestions.filter((suggestion) => !isCovered(suggestion, claims)), [allSuggestions, claims]);
  const marks = useMemo(() => bucketClaims(paragraphs, numbered, suggestions ?? []), [paragraphs, numbered, suggestions]);
  const liveChecked = useMemo(() => new Set([...checkedIds].filter((id) => claimById.has(id))), [checkedIds, claimById]);
  const claimsHref = `/t/${team}/articles/${articleId}/claims`;

  // The latest props for the stable callbacks below (read only when an event happens).
  const live = useRef({ team, articleId, actions, claims, numbered, claimById });
  useEffect(() => {
    live.current = { team, articleId, actions, claims, numbered, claimById };
  });

  // Marks the moment the workspace became interactive (for tests and performance checks).
  useEffect(() => {
    rootRef.current?.setAttribute("data-ready", "");
    performance.mark("workspace-ready");
  }, []);

  useEffect(() => {
    const request = scrollRequest.current;
    // A moved claim is shown (and focused) once the list arrives in its new order.
    if (!request || (request.number !== undefined && claimById.get(request.claimId)?.number !== request.number)) return;
    if (scrollToClaim(request, listHandle.current)) scrollRequest.current = null;
    // A row windowed out of a long list (decision 0030) is rendered first; then this runs again.
    else if (request.target === "list" && claimById.has(request.claimId)) listHandle.current?.reveal(request.claimId);
  }, [scrollTick, claimById]);

  const retryScroll = useCallback(() => setScrollTick((tick) => tick + 1), []);

  const requestScroll = useCallback((request: ScrollRequest) => {
    scrollRequest.current = request;
    setScrollTick((tick) => tick + 1);
  }, []);

  const dismissToast = useCallback(() => setToast(null), []);

  const report = useCallback(<T,>(result: ActionResult<T> | null, success?: (data: T) => Omit<ToastMessage, "id" | "tone"> | null) => {
    if (result && !result.ok) setToast({ id: Date.now(), tone: "error", text: result.message });
    // A change made here: the live feed brings it back, and this page already shows it.
    if (result?.ok) noteLocalChange();
    if (result?.ok && success) {
      const message = success(result.data);
      if (message) setToast({ id: Date.now(), tone: "success", ...message });
    }
    return result;
  }, []);

  /** Shows what changed claims now are, from an action's answer; what it does not say is fetched. */
  const applyChanged = useCallback(
    (changed: ChangedClaim[]) => {
      const isBehind = findMissedChanges(live.current.claimById, changed).length > 0;
      dispatchClaims({ type: "change", claims: changed });
      noteLocalChange();
      if (isBehind) router.refresh();
    },
    [dispatchClaims, router],
  );

  // Colleagues' changes (lib/live): a claim's new state is patched into the list; a change to
  // which claims there are, their places or their sources reads those claims' rows and the
  // list's order (decision 0022); a new version of the article renders the page again (its text).
  const refreshSoon = useDebouncedRefresh(router);
  const readRowsSoon = useLiveRows({
    read: (claimIds) => live.current.actions.readWorkspaceRows({ team: live.current.team, articleId: live.current.articleId, claimIds }),
    apply: (rows) => {
      dispatchClaims({ type: "rows", rows });
      return mergeRows(live.current.claims, rows).missing;
    },
    refetch: refreshSoon,
  });
  const [presence, setPresence] = useState<PresenceEntry[]>([]);
  const liveStatus = useLiveChanges({
    team,
    cursor: liveCursor,
    userId,
    onPresence: setPresence,
    onChanges: (changes) => {
      const here = changes.filter((change) => change.articleId === articleId);
      if (here.some((change) => change.kind === ARTICLE_IMPORTED)) return refreshSoon();
      const restructured = here.filter((change) => isReadAsRow(change.kind) && change.claimId);
      if (restructured.length > 0) readRowsSoon(restructured.map((change) => change.claimId!));
      if (here.some((change) => change.kind === SUGGESTION_DISMISSED)) dropDecidedSuggestions();
      const patched = here.filter((change) => STATE_CHANGES.has(change.kind) && !isReadAsRow(change.kind) && change.claimId && live.current.claimById.has(change.claimId));
      const claimIds = [...new Set(patched.map((change) => change.claimId!))];
      if (claimIds.length === 0) return;
      void live.current.actions.readClaimStates({ team, claimIds }).then((result) => {
        if (result?.ok) dispatchClaims({ type: "change", claims: result.data });
      });
    },
  });

  // Colleagues here (lib/presence): this page tells them where its person is, and shows them.
  usePresenceHeartbeat({ team, articleId, claimId: activeId });
  const present = useMemo(() => listPresentPeople(presence, { selfId: userId, articleId }), [presence, userId, articleId]);

  const restore = useCallback(
    async (claimId: string) => {
      const { actions, team } = live.current;
      report(await actions.restoreClaim({ team, claimId }), () => ({ text: "Claim restored." }));
    },
    [report],
  );

  const commands = useMemo<ClaimCommands>(
    () => ({
      select: (claimId) => {
        setActiveId(claimId);
        requestScroll({ claimId, target: "text" });
      },
      toggleChecked: (claimId) =>
        setCheckedIds((current) => {
          const next = new Set(current);
          if (!next.delete(claimId)) next.add(claimId);
          return next;
        }),
      save: async (claim, statement) => {
        const { actions, team } = live.current;
        const result = await actions.updateClaim({ team, claimId: claim.id, revision: claim.revision, statement });
        if (result?.ok) applyChanged([{ ...result.data.claim, since: result.data.since }]);
        // A failed save is shown next to the claim itself, with the editor's text kept.
        return result?.ok ? report(result, () => ({ text: `Claim ${claim.number} saved.` })) : result;
      },
      move: async (claim, direction) => {
        const { actions, team } = live.current;
        setActiveId(claim.id);
        const number = claim.number + (direction === "up" ? -1 : 1);
        report(await actions.moveClaim({ team, claimId: claim.id, direction }), () => {
          requestScroll({ claimId: claim.id, target: "list", focus: direction, number });
          return { text: `Claim moved ${direction}: it is now claim ${number}.` };
        });
      },
      remove: async (claim) => {
        const { actions, team, numbered } = live.current;
        const neighbour = numbered[claim.number] ?? numbered[claim.number - 2];
        report(await actions.deleteClaim({ team, claimId: claim.id }), () => {
          if (neighbour) requestScroll({ claimId: neighbour.id, target: "list", focus: "select" });
          return {
            text: `Claim ${claim.number} deleted.`,
            action: { label: "Undo", run: () => void restore(claim.id).then(() => setActiveId(claim.id)) },
          };
        });
      },
      split: (claim) => setSplitId(claim.id),
      markReviewed: async (claim) => {
        const { actions, team } = live.current;
        const result = await actions.markAnchorReviewed({ team, claimId: claim.id, revision: claim.revision });
        if (result?.ok) applyChanged([{ ...result.data.claim, since: result.data.since }]);
        report(result, () => ({ text: `Claim ${claim.number}: the new passage is accepted.` }));
      },
      reload: () => router.refresh(),
    }),
    [applyChanged, report, requestScroll, restore, router],
  );

  const selectFromText = useCallback(
    (claimId: string) => {
      setActiveId(claimId);
      requestScroll({ claimId, target: "list" });
    },
    [requestScroll],
  );

  const describeRange = useCallback(
    (range: TextRange) => {
      const touching = numbered.filter((claim) => claim.anchorState !== "lost" && claim.start < range.end && claim.end > range.start);
      if (touching.length === 0) return "";
      return `Overlaps claim${touching.length > 1 ? "s" : ""} ${touching.map((claim) => claim.number).join(", ")}`;
    },
    [numbered],
  );

  /** Adds the suggestion as a claim starting with its draft statement, and opens that statement to edit. */
  async function loadSuggestions() {
    const result = await actions.suggestClaims({ team, articleId });
    if (result?.ok) setSuggestions(result.data);
    return result;
  }

  function dropSuggestion(suggestion: Suggestion) {
    setSuggestions((current) => current?.filter((item) => item.hash !== suggestion.hash) ?? null);
  }

  /** A colleague dismissed a suggestion: the article's decided passages leave the ones marked here. */
  function dropDecidedSuggestions() {
    if (allSuggestions === null) return;
    void actions.readDecidedSuggestions({ team, articleId }).then((result) => {
      if (!result?.ok) return;
      const decided = new Set(result.data);
      setSuggestions((current) => current && current.filter((suggestion) => !decided.has(suggestion.hash)));
    });
  }

  async function dismissSuggestion(suggestion: Suggestion) {
    const result = await actions.dismissSuggestion({ team, articleId, sentence: suggestion.sentence });
    if (!result || result.ok) dropSuggestion(suggestion);
    return result;
  }

  async function acceptSuggestion(suggestion: Suggestion) {
    const { actions, team, articleId } = live.current;
    const { statement, speaker } = suggestion.draft;
    const result = await actions.createClaim({ team, articleId, start: suggestion.start, end: suggestion.end, statement, fromSuggestion: true });
    if (result?.ok) dropSuggestion(suggestion);
    return report(result, (data) => {
      setActiveId(data.id);
      setDraftClaimId(data.id);
      requestScroll({ claimId: data.id, target: "list" });
      const check = speaker ? ` “${speaker}” was taken to be the speaker: check it.` : "";
      return { text: `Claim added with a draft statement.${check} Edit it and save.` };
    });
  }

  async function saveNewClaim(range: TextRange, statement: string) {
    const result = await actions.createClaim({ team, articleId, start: range.start, end: range.end, statement });
    if (result?.ok) {
      setAddRange(null);
      document.getSelection()?.removeAllRanges();
      setActiveId(result.data.id);
      requestScroll({ claimId: result.data.id, target: "list" });
      setToast({ id: Date.now(), tone: "success", text: "Claim added." });
    }
    return result;
  }

  function merge() {
    startMerging(async () => {
      const ids = numbered.filter((claim) => liveChecked.has(claim.id)).map((claim) => claim.id);
      const result = await actions.mergeClaims({ team, claimIds: ids });
      report(result, (data) => {
        setCheckedIds(new Set());
        setActiveId(data.id);
        return { text: `${countOf(ids.length, "claim")} merged into one; the others are under “Recently deleted”.` };
      });
    });
  }

  function bulkUpdate(change: BulkChange): Promise<boolean> {
    return new Promise((resolve) => {
      startBulkUpdate(async () => {
        const ids = numbered.filter((claim) => liveChecked.has(claim.id)).map((claim) => claim.id);
        const result = await actions.bulkUpdateClaims({ team, articleId, claimIds: ids, ...change });
        if (result?.ok) {
          applyChanged(result.data.claims);
          const text = describeBulkResult(change, result.data, numbered, members);
          const isRefused = result.data.updated === 0 && result.data.skipped.length > 0;
          setToast({ id: Date.now(), tone: isRefused ? "error" : "success", text });
        } else if (result) {
          // A refused input (say, a note too long) is told in its own words, not as "check the fields".
          const fieldError = Object.values(result.fieldErrors ?? {}).flat()[0];
          setToast({ id: Date.now(), tone: "error", text: fieldError ?? result.message });
        }
        resolve(Boolean(result?.ok));
      });
    });
  }

  const readForSignOff = useCallback(
    (claimIds: string[]) => live.current.actions.readClaimStates({ team: live.current.team, claimIds }),
    [],
  );
  const signOffChecked = useCallback(
    (input: { claims: { claimId: string; revision: number }[]; note?: string }) =>
      live.current.actions.bulkSignOff({ team: live.current.team, articleId: live.current.articleId, ...input }),
    [],
  );
  const showReviewed = useCallback((states: ClaimState[]) => dispatchClaims({ type: "change", claims: states }), [dispatchClaims]);
  const showSignedOff = useCallback(
    (result: BulkSignOffResult) => {
      applyChanged(result.signed.map((change) => ({ ...change.claim, since: change.since })));
      // A claim refused as changed since the review: the list fetches what changed it.
      if (result.refused.length > 0) router.refresh();
    },
    [applyChanged, router],
  );

  /** Asks first when the citation would withdraw sign-offs (decision 0008); otherwise cites at once. */
  function citeOutlet() {
    const ticked = numbered.filter((claim) => liveChecked.has(claim.id));
    const withdrawn = listSignOffsToWithdraw(ticked);
    const ids = ticked.map((claim) => claim.id);
    if (withdrawn.length > 0) setConfirmingCite({ ids, withdrawn });
    else citeOutletFor(ids);
  }

  function citeOutletFor(ids: string[]) {
    startCiting(async () => {
      const result = await actions.bulkCiteOutlet({ team, articleId, claimIds: ids });
      if (!result) return;
      if (!result.ok) return void setToast({ id: Date.now(), tone: "error", text: result.message });
      noteLocalChange();
      setToast({ id: Date.now(), tone: result.data.cited.length === 0 && result.data.skipped.length > 0 ? "error" : "success", text: describeCitedOutlet(result.data, numbered, outlet) });
    });
  }

  /** `o` opens the claim in focus in the list, else the selected one; typing and dialogs are left alone. */
  function openClaimFromKey(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.key.toLowerCase() !== "o" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest("input:not([type=checkbox]), textarea, select, [contenteditable=true], dialog")) return;
    const claimId = target.closest<HTMLElement>("[data-claim-id]")?.dataset.claimId ?? activeId;
    event.preventDefault();
    if (claimId && claimById.has(claimId)) router.push(`${claimsHref}/${claimId}`);
    else setToast({ id: Date.now(), tone: "error", text: "No claim is selected: select one in the list or the text, then press O to open it." });
  }

  useHelpKey(() => {
    setHelpOpen(!isHelpOpen);
    // Opened from far down the article, the list is brought into view (focus stays where it was).
    if (!isHelpOpen) requestAnimationFrame(() => document.getElementById("workspace-shortcuts")?.scrollIntoView({ block: "nearest" }));
  });

  const splitting = splitId ? claimById.get(splitId) : undefined;
  return (
    <div ref={rootRef} data-workspace onKeyDown={openClaimFromKey} className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(21rem,26rem)] lg:items-start">
      <div className="rounded-lg border border-slate-200 bg-white px-5 py-8 shadow-sm sm:px-10 lg:px-14">
        <div className="mx-auto max-w-[68ch]">
          {header}
          <div className="mt-5 mb-8 space-y-2 border-y border-slate-100 py-3">
            <p id="article-keyboard-hint" className="text-sm text-slate-600">
              {canWrite
                ? "Select a passage to add a claim, or Tab into the text and pick sentences with the arrow keys; Enter adds the claim."
                : "Read-only: your role lets you read the claims, not change them."}
            </p>
            <div id="workspace-shortcuts" className="flex flex-wrap items-center justify-between gap-2">
              <KeyboardHelp isOpen={isHelpOpen} onToggle={setHelpOpen} />
              <LiveIndicator status={liveStatus} />
            </div>
            <PresentPeople
              people={present}
              label="Colleagues on this article"
              place="on this article"
              describe={(person) => describeArticlePlace(person, person.claimId ? claimById.get(person.claimId)?.number : undefined)}
            />
          </div>
          <SkipToText />
          <ArticleText
            textRef={textRef}
            text={text}
            paragraphs={paragraphs}
            marks={marks}
            sentences={sentences}
            activeId={activeId}
            preview={preview}
            canWrite={canWrite}
            describeRange={describeRange}
            onSelectClaim={selectFromText}
            onSelectSuggestion={showSuggestion}
            onAddClaim={setAddRange}
          />
        </div>
      </div>
      <aside aria-label="Claims and suggestions" className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:pr-1">
        {canWrite ? (
          <SuggestionsPanel
            suggestions={suggestions}
            onSuggest={loadSuggestions}
            onAccept={acceptSuggestion}
            onDismiss={dismissSuggestion}
            onPreview={setPreview}
          />
        ) : (
          <Notice tone="info">You can read this workspace; your role does not allow changes.</Notice>
        )}
        <ClaimsPanel
          claims={numbered}
          order={order}
          onOrderChange={setOrder}
          deleted={deleted}
          activeId={activeId}
          draftClaimId={draftClaimId}
          checkedIds={liveChecked}
          canWrite={canWrite}
          versionNumber={versionNumber}
          claimsHref={claimsHref}
          isMerging={isMerging}
          members={members}
          isBulkUpdating={isBulkUpdating}
          commands={commands}
          onMerge={merge}
          onBulkUpdate={bulkUpdate}
          onClearChecked={() => setCheckedIds(new Set())}
          onRestore={(claimId) => void restore(claimId)}
          matchMarkers={matchMarkers}
          userId={userId}
          outlet={outlet}
          isCiting={isCiting}
          onSelectIds={(claimIds) => setCheckedIds(new Set(claimIds))}
          onSignOff={() => setSigningOff(numbered.filter((claim) => liveChecked.has(claim.id) && claim.verdictLabel))}
          onCiteOutlet={citeOutlet}
          listHandle={listHandle}
          onRevealed={retryScroll}
        />
      </aside>
      {addRange ? <AddClaimDialog text={text} initialRange={addRange} onSave={saveNewClaim} onClose={() => setAddRange(null)} /> : null}
      {splitting ? (
        <SplitClaimDialog
          key={splitting.id}
          claim={splitting}
          onClose={() => setSplitId(null)}
          onSplit={async (at) => {
            const result = await actions.splitClaim({ team, claimId: splitting.id, revision: splitting.revision, at });
            if (result?.ok) {
              setSplitId(null);
              report(result, (data) => {
                setActiveId(data.firstId);
                return { text: `Claim ${splitting.number} split in two.` };
              });
            }
            return result;
          }}
        />
      ) : null}
      {signingOff ? (
        <BulkSignOffDialog
          claims={signingOff}
          userId={userId}
          readStates={readForSignOff}
          signOff={signOffChecked}
          onRead={showReviewed}
          onSigned={showSignedOff}
          onClose={() => setSigningOff(null)}
        />
      ) : null}
      {confirmingCite && outlet ? (
        <ConfirmCiteOutletDialog
          outlet={outlet}
          withdrawn={confirmingCite.withdrawn}
          tickedCount={confirmingCite.ids.length}
          onClose={() => setConfirmingCite(null)}
          onConfirm={() => {
            // Closed first, so focus goes back to the button before it says "Citing…".
            flushSync(() => setConfirmingCite(null));
            citeOutletFor(confirmingCite.ids);
          }}
        />
      ) : null}
      <Toast key={toast?.id} toast={toast} onDismiss={dismissToast} />
    </div>
  );
}

/**
 * Colleagues' changes read as rows (readWorkspaceRows) rather than as states: those that change
 * which claims there are, their places or their sources, and an edited statement, on which the
 * claim's "checked before" / "repeated" marker depends (the row brings it; a state does not).
 */
function isReadAsRow(kind: string) {
  return STRUCTURAL_CHANGES.has(kind) || CITATION_CHANGES.has(kind) || kind === STATEMENT_EDITED;
}

/**
 * The claims touching each paragraph, found by binary search: O(claims × log paragraphs)
 * instead of testing every claim against every paragraph. Lost claims have no passage.
 */
function bucketClaims(paragraphs: Paragraph[], claims: NumberedClaim[], suggestions: Suggestion[]): ParagraphClaims[] {
  const lists: ClaimMark[][] = paragraphs.map(() => []);
  const suggested: SuggestionMark[][] = paragraphs.map(() => []);
  suggestions.forEach((suggestion, index) => {
    const label = abbreviatePassage(suggestion.sentence, 80);
    // A passage lies within one paragraph (decision 0024).
    suggested[findParagraphIndex(paragraphs, suggestion.start)]?.push({ hash: suggestion.hash, start: suggestion.start, end: suggestion.end, rank: index + 1, label });
  });
  for (const claim of claims) {
    if (claim.anchorState === "lost" || claim.end <= claim.start) continue;
    const mark: ClaimMark = { id: claim.id, start: claim.start, end: claim.end, number: claim.number, status: claim.status };
    for (let index = findParagraphIndex(paragraphs, claim.start); index >= 0 && index < paragraphs.length; index++) {
      if (paragraphs[index]!.start >= claim.end) break;
      lists[index]!.push(mark);
    }
  }
  return lists.map((list, index) => ({
    claims: list,
    suggestions: suggested[index]!,
    signature: [
      ...list.map((mark) => `${mark.id}:${mark.start}:${mark.end}:${mark.number}:${mark.status}`),
      ...suggested[index]!.map((mark) => `${mark.hash}:${mark.rank}`),
    ].join("|"),
  }));
}

/** Focuses a suggestion's entry in the side list (where it is accepted or dismissed) and shows it. */
function showSuggestion(hash: string) {
  const item = document.getElementById(`suggestion-${hash}`);
  item?.focus({ preventScroll: true });
  item?.scrollIntoView({ block: "nearest" });
}

/** Brings a claim into view: its passage in the text, or its entry in the side list. */
function scrollToClaim({ claimId, target, focus }: ScrollRequest, list: ClaimListHandle | null): boolean {
  const behavior: ScrollBehavior = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  if (target === "text") {
    const passage = document.querySelector(`#article-text [data-claims~="${CSS.escape(claimId)}"]`);
    passage?.scrollIntoView({ block: "center", behavior });
    return Boolean(passage);
  }
  const item = document.getElementById(`claim-${claimId}`);
  if (item && focus) focusClaimControl(claimId, focus);
  // Below the text on narrow screens, the list would pull the reader away from the passage.
  // A windowed list (decision 0030) follows the row while its neighbours are measured, without smoothing.
  if (item && window.matchMedia("(min-width: 1024px)").matches) {
    if (list && item.closest("ol[data-windowed]")) list.follow(claimId);
    else item.scrollIntoView({ block: "nearest", behavior });
  }
  return Boolean(item);
}
