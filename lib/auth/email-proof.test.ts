import { describe, expect, it } from "vitest";
import { decideSsoClaim, isAccountUsable, isMailboxProof, maskEmail, strongerProof } from "./email-proof";

const never = { emailVerifiedAt: null, emailVerifiedVia: null };
const at = new Date("2026-03-01T10:00:00Z");
const by = (via: string) => ({ emailVerifiedAt: at, emailVerifiedVia: via });

describe("isMailboxProof", () => {
  it("counts the mail, the provider, the operator and the demo seed, never an owner's word", () => {
    for (const via of ["mail", "sso", "operator", "seed"]) expect(isMailboxProof(via)).toBe(true);
    for (const via of ["owner", null, undefined, "", "MAIL"]) expect(isMailboxProof(via)).toBe(false);
  });
});

describe("strongerProof", () => {
  it("records any proof for an address never verified", () => {
    expect(strongerProof(never, "owner")).toBe("owner");
    expect(strongerProof(never, "mail")).toBe("mail");
  });

  it("upgrades an owner's word to a mailbox proof, and never the other way", () => {
    expect(strongerProof(by("owner"), "mail")).toBe("mail");
    expect(strongerProof(by("owner"), "owner")).toBeNull();
    expect(strongerProof(by("mail"), "owner")).toBeNull();
    expect(strongerProof(by("sso"), "operator")).toBeNull();
  });
});

describe("isAccountUsable", () => {
  it("with mail, needs a verified address for a password account", () => {
    expect(isAccountUsable({ ...never, hasPassword: true }, true)).toBe(false);
    expect(isAccountUsable({ ...by("owner"), hasPassword: true }, true)).toBe(true);
    expect(isAccountUsable({ ...by("mail"), hasPassword: true }, true)).toBe(true);
  });

  it("without mail, or for an account that signs in only by SSO, lets it in", () => {
    expect(isAccountUsable({ ...never, hasPassword: true }, false)).toBe(true);
    expect(isAccountUsable({ ...never, hasPassword: false }, true)).toBe(true);
  });
});

describe("decideSsoClaim", () => {
  it("creates when nobody has the address", () => {
    expect(decideSsoClaim({ existing: null, isProviderVerified: true })).toBe("create");
    expect(decideSsoClaim({ existing: null, isProviderVerified: false })).toBe("create");
  });

  it("links only when both the provider and the account proved the mailbox", () => {
    for (const via of ["mail", "sso", "operator", "seed"]) expect(decideSsoClaim({ existing: by(via), isProviderVerified: true })).toBe("link");
  });

  it("releases the account when only the provider proved it: an unproven claim loses to a proven one", () => {
    expect(decideSsoClaim({ existing: never, isProviderVerified: true })).toBe("release");
    expect(decideSsoClaim({ existing: by("owner"), isProviderVerified: true })).toBe("release");
  });

  it("takes nothing when the provider did not prove it", () => {
    expect(decideSsoClaim({ existing: never, isProviderVerified: false })).toBe("refuse");
    expect(decideSsoClaim({ existing: by("mail"), isProviderVerified: false })).toBe("refuse");
  });
});

describe("maskEmail", () => {
  it("keeps the first character and the domain", () => {
    expect(maskEmail("alice@newsroom.org")).toBe("a…@newsroom.org");
    expect(maskEmail("ä.b@x.test")).toBe("ä…@x.test");
    expect(maskEmail("👩‍💻me@x.test")).toBe("👩…@x.test");
    expect(maskEmail("nobody")).toBe("…");
  });
});
