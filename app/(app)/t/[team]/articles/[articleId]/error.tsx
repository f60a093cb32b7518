"use client";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** An unexpected failure while showing the workspace; what the editor saved is not affected. */
export default function WorkspaceError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-10">
      <Notice tone="error">The article could not be shown just now. Your claims are safe; try again in a moment.</Notice>
      <Button onClick={() => retry()}>Try again</Button>
    </div>
  );
}
