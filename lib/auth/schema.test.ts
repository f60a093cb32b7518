import { describe, expect, it } from "vitest";
import { newPasswordSchema, roleSchema, signInSchema, signUpSchema } from "./schema";

const valid = { name: "Ada Reporter", email: "ada@newsroom.test", password: "lantern orchard 42" };

function messagesFor(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }, field: string) {
  return (result.error?.issues ?? []).filter((issue) => issue.path[0] === field).map((issue) => issue.message);
}

describe("signUpSchema", () => {
  it("trims and lowercases the email and trims the name", () => {
    const parsed = signUpSchema.parse({ ...valid, name: "  Ada Reporter ", email: "  Ada@NewsRoom.TEST  " });
    expect(parsed).toMatchObject({ name: "Ada Reporter", email: "ada@newsroom.test" });
  });

  it("accepts a 12-character password and rejects an 11-character one", () => {
    expect(signUpSchema.safeParse({ ...valid, password: "vx7-lantern!" }).success).toBe(true);
    const result = signUpSchema.safeParse({ ...valid, password: "vx7-lantern" });
    expect(result.success).toBe(false);
    expect(messagesFor(result, "password")).toEqual(["Use at least 12 characters"]);
  });

  it("refuses a password containing the email's local part or the name", () => {
    expect(messagesFor(signUpSchema.safeParse({ ...valid, password: "ada@newsroom.test" }), "password")).toEqual([
      "Do not use your email address in your password.",
    ]);
    const named = signUpSchema.safeParse({ ...valid, email: "a.r@newsroom.test", password: "Ada Reporter 2024!" });
    expect(messagesFor(named, "password")).toEqual(["Do not use your name in your password."]);
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

describe("newPasswordSchema", () => {
  it("refuses common and breached passwords in any letter case, with a message that says what to do", () => {
    for (const password of ["password1234", "QWERTY123456", "1q2w3e4r5t6y", "iloveyou1234"]) {
      const result = newPasswordSchema.safeParse(password);
      expect(result.success, password).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([
        "This password is on a list of common or breached passwords. Choose another: a few unrelated words make a strong one.",
      ]);
    }
    expect(newPasswordSchema.safeParse("correct horse battery").success).toBe(true);
  });

  it("welcomes long passphrases up to 200 characters, and says so past that", () => {
    expect(newPasswordSchema.safeParse("a quiet lantern over the orchard ".repeat(6)).success).toBe(true);
    expect(newPasswordSchema.safeParse("x".repeat(201)).error?.issues.map((issue) => issue.message)).toEqual(["Use at most 200 characters"]);
  });

  it("says only that a short password is too short", () => {
    expect(newPasswordSchema.safeParse("password").error?.issues.map((issue) => issue.message)).toEqual(["Use at least 12 characters"]);
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
