import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/roles";
import type { ClaimEventType as DomainClaimEventType } from "@/lib/claims/events";
import { CLAIM_STATUSES } from "@/lib/claims/status";
import * as Enums from "@/lib/generated/prisma/enums";
import type { CaptureState as DomainCaptureState, PassageState as DomainPassageState } from "@/lib/sources/capture";
import { CITATION_RELATIONS, SOURCE_KINDS } from "@/lib/sources/types";
import { VERDICTS } from "@/lib/verification/verdicts";

/**
 * The vocabularies the app names in lib/ (for forms, labels and validation) are exactly the
 * schema's enums: a value added on one side only fails here (and at compile time below).
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: [
  Same<DomainClaimEventType, Enums.ClaimEventType>,
  Same<DomainCaptureState, Enums.CaptureState>,
  Same<DomainPassageState, Enums.PassageState>,
] = [true, true, true];

describe("the schema's enums and the app's vocabularies", () => {
  it.each([
    ["Role", ROLES, Enums.Role],
    ["ClaimStatus", CLAIM_STATUSES, Enums.ClaimStatus],
    ["Verdict", VERDICTS, Enums.Verdict],
    ["SourceKind", SOURCE_KINDS, Enums.SourceKind],
    ["CitationRelation", CITATION_RELATIONS, Enums.CitationRelation],
  ] as const)("%s", (_name, domain, schema) => {
    expect([...domain].sort()).toEqual(Object.values(schema).sort());
  });

  it("claim event types, capture and passage states agree at compile time", () => {
    expect(sameTypes).toEqual([true, true, true]);
  });
});
