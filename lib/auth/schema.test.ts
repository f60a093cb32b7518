import { describe, expect, it } from "vitest";
import { roleSchema, signInSchema, signUpSchema } from "./schema";

const valid = { name: "Ada Reporter", email: "ada@newsroom.test", password: "0123456789" };

function messagesFor(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }, field: string) {
  return (result.error?.issues ?? []).filter((issue) => issue.path[0] === field).map((issue) => issue.message);
}

describe("signUpSchema", () => {
  it("trims and lowercases the email and trims the name", () => {
    const parsed = signUpSchema.parse({ ...valid, name: "  Ada Reporter ", email: "  Ada@NewsRoom.TEST  " });
    expect(parsed).toMatchObject({ name: "Ada Reporter", email: "ada@newsroom.test" });
  });

  it("accepts a 10-character password and rejects a 9-character one", () => {
    expect(signUpSchema.safeParse(valid).success).toBe(true);
    const result = signUpSchema.safeParse({ ...valid, password: "012345678" });
    expect(result.success).toBe(false);
    expect(messagesFor(result, "password")).toEqual(["Use at least 10 characters"]);
  });

  it("does not trim the password", () => {
    const result = signUpSchema.safeParse({ ...valid, password: "  pass  pass  " });
    expect(result.success && result.data.password).toBe("  pass  pass  ");
  });

  it("rejects a malformed email with a clear message", () => {
    const result = signUpSchema.safeParse({ ...valid, email: "ada at newsroom" });
    expect(result.success).toBe(false);
    expect(messagesFor(result, "email")).toEqual(["Enter a valid email address, like name@newsroom.org"]);
  });

  it("asks for an email when it is blank or missing", () => {
    expect(messagesFor(signUpSchema.safeParse({ ...valid, email: "   " }), "email")).toEqual(["Enter your email address"]);
    expect(messagesFor(signUpSchema.safeParse({ ...valid, email: undefined }), "email")).toEqual(["Enter your email address"]);
  });

  it("asks for a name and a team name of at least two characters", () => {
    expect(messagesFor(signUpSchema.safeParse({ ...valid, name: "  " }), "name")).toEqual(["Enter your name"]);
    expect(messagesFor(signUpSchema.safeParse({ ...valid, teamName: " X " }), "teamName")).toEqual(["Use at least 2 characters"]);
    expect(signUpSchema.parse({ ...valid, teamName: " Metro Desk " }).teamName).toBe("Metro Desk");
  });
});

describe("signInSchema", () => {
  it("normalises the email and requires a password", () => {
    expect(signInSchema.parse({ email: " Ada@Newsroom.test", password: "x" }).email).toBe("ada@newsroom.test");
    expect(messagesFor(signInSchema.safeParse({ email: "ada@newsroom.test", password: "" }), "password")).toEqual([
      "Enter your password",
    ]);
  });
});

describe("roleSchema", () => {
  it("accepts the three roles only", () => {
    for (const role of ["owner", "editor", "viewer"]) expect(roleSchema.parse(role)).toBe(role);
    const result = roleSchema.safeParse("admin");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("Choose owner, editor or viewer");
  });
});
