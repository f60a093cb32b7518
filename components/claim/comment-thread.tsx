"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useClaim } from "./claim-context";
import { MentionField } from "./mention-field";
import type { ClaimComment } from "./types";
import { FormProblem, useActionForm } from "./use-action-form";
import { formatMoment } from "@/lib/text/dates";

export const COMMENT_FIELD_ID = "comment-body";

/** The editors' discussion of the claim, oldest first; comments are kept as written. */
export function CommentThread({ comments, members }: { comments: ClaimComment[]; members: ReadonlyArray<{ id: string; name: string }> }) {
  const { actions, team, claimId, canWrite } = useClaim();
  const form = useActionForm();
  const [body, setBody] = useState("");
  return (
    <section aria-labelledby="comments-heading" className="space-y-3">
      <h2 id="comments-heading" className="text-sm font-semibold text-slate-900">
        Comments <span className="font-normal text-slate-500">({comments.length})</span>
      </h2>
      {comments.length === 0 ? <p className="text-sm text-slate-600">No comments yet.</p> : null}
      <ol aria-labelledby="comments-heading" className="space-y-3">
        {comments.map((comment) => (
          <li key={comment.id} id={`comment-${comment.id}`} className="scroll-mt-4 rounded-md bg-slate-50 px-3 py-2 target:ring-2 target:ring-brand-500">
            <p className="text-xs text-slate-500">
              <span className="font-semibold text-slate-800">{comment.author.name}</span> ·{" "}
              <time dateTime={new Date(comment.createdAt).toISOString()}>{formatMoment(comment.createdAt)}</time>
            </p>
            <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{comment.body}</p>
          </li>
        ))}
      </ol>
      {canWrite ? (
        <form
          data-presence-activity="commenting"
          noValidate
          aria-label="Add a comment"
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            form.submit(() => actions.addComment({ team, claimId, body }), { onSuccess: () => setBody("") });
          }}
        >
          <MentionField
            id={COMMENT_FIELD_ID}
            label="Comment"
            maxLength={5_000}
            value={body}
            onValueChange={setBody}
            members={members}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
            }}
            aria-keyshortcuts="m"
            errors={form.errorsFor("body")}
            hint="Comments cannot be edited or deleted. Type @ and a name to notify a colleague. Ctrl + Enter adds it."
          />
          <FormProblem failure={form.failure} />
          <Button type="submit" size="sm" disabled={form.isPending}>
            {form.isPending ? "Adding…" : "Add comment"}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
