"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { PresentPeople } from "@/components/live/present-people";
import { usePresenceHeartbeat } from "@/components/live/use-presence-heartbeat";
import { useDebouncedRefresh, useLiveChanges } from "@/components/live/use-live-changes";
import { noteLocalChange } from "@/components/team/refresh-on-return";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Toast, type ToastMessage } from "@/components/workspace/toast";
import { isClaimStatus } from "@/lib/claims/status";
import { isVerdictFinal } from "@/lib/verification/rules";
import { AddCitationForm, CITATION_SOURCE_ID, type RelayTarget } from "./add-citation-form";
import { AssigneeSelect, ASSIGNEE_FIELD_ID } from "./assignee-select";
import { CitationList, listViaOptions } from "./citation-list";
import { ClaimHeader } from "./claim-header";
import { ClaimHistory } from "./claim-history";
import { ClaimProvider, READ_ONLY_MESSAGE, type ClaimContextValue } from "./claim-context";
import { hasMissedChanges, isClaimChange } from "./claim-view";
import { COMMENT_FIELD_ID, CommentThread } from "./comment-thread";
import { ProvenancePanel } from "./provenance-panel";
import type { ShortcutCommand } from "./shortcut-keys";
import { ShortcutHelp } from "./shortcut-help";
import { StatusControl } from "./status-control";
import type { ClaimActions, ClaimCitation, ClaimView } from "./types";
import { focusById, useClaimShortcuts } from "./use-claim-shortcuts";
import { useClaimView } from "./use-claim-view";
import { useStatusChange } from "./use-status-change";
import { focusVerdictChoices } from "./verdict-form";
import { VerdictPanel } from "./verdict-panel";
import { formatMoment } from "@/lib/text/dates";
import { describeClaimPlace, listPresentPeople } from "@/lib/presence/group";
import type { PresenceEntry } from "@/lib/presence/presence";

type ClaimPageProps = {
  team: string;
  userId: string;
  canWrite: boolean;
  today: string;
  detail: ClaimView;
  actions: ClaimActions;
  /** Where the team's live feed stood when the claim was read (lib/live). */
  liveCursor: string;
  /** The "Checked before" panel, streamed in by the page (it searches the team's judged claims). */
  checkedBefore?: ReactNode;
};

/**
 * Where an editor traces and verifies one claim: provenance and citations beside the state,
 * verdict, comments and history. Every action reports in the toast; a change that answers with
 * what it did (lib/verification/claim-change.ts) is shown from its answer, a refused one fetches
 * the page again, and the others (citations, captures) answer with the page rendered again.
 */
export function ClaimPage({ team, userId, canWrite, today, detail: served, actions, liveCursor, checkedBefore }: ClaimPageProps) {
  const router = useRouter();
  const [detail, dispatch] = useClaimView(served);
  const { claim, settings } = detail;
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [relaysFor, setRelaysFor] = useState<RelayTarget | null>(null);
  const canEdit = canWrite && !claim.deletedAt;
  const articleHref = `/t/${team}/articles/${claim.articleId}`;

  // The latest data for the callbacks below (read only when an action answers).
  const latest = useRef(detail);
  useEffect(() => {
    latest.current = detail;
  });

  // A colleague's change to this claim brings the page's data again (what is being typed stays);
  // this tab's own changes show from their answers.
  const refreshSoon = useDebouncedRefresh(router);
  const [presence, setPresence] = useState<PresenceEntry[]>([]);
  const liveStatus = useLiveChanges({
    team,
    cursor: liveCursor,
    userId,
    onPresence: setPresence,
    onChanges: (changes) => {
      if (changes.some((change) => change.claimId === latest.current.claim.id)) refreshSoon();
    },
  });

  // Colleagues on this claim (lib/presence): this page tells them it is here, and shows them.
  usePresenceHeartbeat({ team, articleId: claim.articleId, claimId: claim.id });
  const present = useMemo(() => listPresentPeople(presence, { selfId: userId, articleId: claim.articleId, claimId: claim.id }), [presence, userId, claim.articleId, claim.id]);

  const dismissToast = useCallback(() => setToast(null), []);
  const notify = useCallback((tone: ToastMessage["tone"], text: string) => setToast({ id: Date.now(), tone, text }), []);
  const report = useCallback<ClaimContextValue["report"]>(
    (result, options = {}) => {
      if (!result) return result;
      if (!options.quiet && (result.ok || !options.quietFailure)) notify(result.ok ? "success" : "error", result.ok ? (options.success ?? result.message ?? "Saved.") : result.message);
      if (result.ok && isClaimChange(result.data)) {
        const isBehind = hasMissedChanges(latest.current, result.data);
        dispatch({ type: "change", change: result.data });
        noteLocalChange();
        // Someone else changed the claim before this change: fetch what the answer does not say.
        if (isBehind) router.refresh();
      } else if (!result.ok) {
        // A refused change: the page shows the claim as it now stands (what was typed is kept).
        router.refresh();
      }
      // The other actions (citations, captures) answer with the page rendered again.
      return result;
    },
    [notify, router, dispatch],
  );
  const context = useMemo<ClaimContextValue>(
    () => ({ team, claimId: claim.id, revision: claim.revision, canWrite: canEdit, userId, actions, report, notify }),
    [team, claim.id, claim.revision, canEdit, userId, actions, report, notify],
  );

  const status = isClaimStatus(claim.status) ? claim.status : "unchecked";
  const hasFinalVerdict = Boolean(claim.verdict && claim.verdictBy) && isVerdictFinal({ teamRules: settings.rules, verdictBy: claim.verdictBy?.id ?? "", signedOffBy: claim.signedOffBy?.id });
  const statusChange = useStatusChange(context, status, hasFinalVerdict);

  function traceFurther(citation: ClaimCitation) {
    setRelaysFor({ citationId: citation.id, sourceName: citation.source.name });
    requestAnimationFrame(() => focusById(CITATION_SOURCE_ID));
  }

  useClaimShortcuts((command: ShortcutCommand) => {
    const claimHref = (id: string) => `${articleHref}/claims/${id}`;
    if (command.kind === "next" || command.kind === "previous") {
      const id = command.kind === "next" ? detail.nextId : detail.previousId;
      return id ? router.push(claimHref(id)) : notify("error", command.kind === "next" ? "This is the last claim." : "This is the first claim.");
    }
    if (command.kind === "status") return statusChange.request(command.status);
    if (command.kind === "help") return setHelpOpen((isOpen) => !isOpen);
    if (command.kind === "back") return isHelpOpen ? setHelpOpen(false) : router.push(articleHref);
    if (!canEdit) return notify("error", READ_ONLY_MESSAGE);
    const focus = { citation: () => focusById(CITATION_SOURCE_ID), verdict: focusVerdictChoices, assignee: () => focusById(ASSIGNEE_FIELD_ID), comment: () => focusById(COMMENT_FIELD_ID) };
    focus[command.target]();
  });

  // Marks the moment the shortcuts and forms are live (for tests and performance checks).
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => rootRef.current?.setAttribute("data-ready", ""), []);

  return (
    <ClaimProvider value={context}>
      <div ref={rootRef} className="space-y-6" data-claim-page>
        <ClaimHeader
          team={team}
          article={claim.article}
          number={detail.number}
          claimCount={detail.claimCount}
          previousId={detail.previousId}
          nextId={detail.nextId}
          statement={claim.statement}
          quote={claim.quote}
          status={status}
          help={<ShortcutHelp isOpen={isHelpOpen} onToggle={setHelpOpen} />}
        />
        {claim.deletedAt ? (
          <Notice tone="info">
            This claim was deleted at {formatMoment(claim.deletedAt)}. It is shown read-only; restore it from “Recently deleted” in the article to work on it again.
          </Notice>
        ) : null}
        {!canWrite ? <Notice tone="info">You can read this claim; your role does not allow changes.</Notice> : null}
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(20rem,26rem)] lg:items-start">
          <div className="min-w-0 space-y-6">
            {checkedBefore}
            <ProvenancePanel trace={detail.trace} />
            <CitationList citations={detail.citations} onTraceFurther={traceFurther} />
            {canEdit ? (
              <AddCitationForm
                outlet={claim.article.outlet}
                today={today}
                viaOptions={listViaOptions(detail.citations)}
                relaysFor={relaysFor}
                onRelayDone={() => setRelaysFor(null)}
              />
            ) : null}
          </div>
          <aside aria-label="Verification" className="min-w-0 space-y-6">
            <div className="space-y-2">
              <LiveIndicator status={liveStatus} />
              <PresentPeople people={present} label="Colleagues on this claim" place="on this claim" describe={describeClaimPlace} />
            </div>
            <Card className="space-y-6">
              <StatusControl status={status} canWrite={canEdit} change={statusChange} />
              <AssigneeSelect key={claim.assignee?.id ?? "none"} assignee={claim.assignee} members={detail.members} />
              <VerdictPanel claim={claim} labels={settings.labels} rules={settings.rules} captureWarnings={detail.captureWarnings} />
            </Card>
            <Card>
              <CommentThread comments={detail.comments} members={detail.mentionable} />
            </Card>
            <Card>
              <ClaimHistory events={detail.events} />
            </Card>
          </aside>
        </div>
        <Toast key={toast?.id} toast={toast} onDismiss={dismissToast} />
      </div>
    </ClaimProvider>
  );
}
