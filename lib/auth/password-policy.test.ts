import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { assertPasswordSuitsPerson, findPersonalPasswordProblem } from "./password-policy";

const person = { email: "nadia.k@metro.test", name: "Nadia Kowalska" };

describe("findPersonalPasswordProblem", () => {
  it("refuses the email's local part, equal or inside, in any case and spacing", () => {
    expect(findPersonalPasswordProblem("nadia.k", person)).toBe("Do not use your email address in your password.");
    expect(findPersonalPasswordProblem("my NADIA.K password", person)).toBe("Do not use your email address in your password.");
  });

  it("refuses the name, with or without its spaces", () => {
    expect(findPersonalPasswordProblem("nadiakowalska!!", person)).toBe("Do not use your name in your password.");
    expect(findPersonalPasswordProblem("I am Nadia Kowalska", person)).toBe("Do not use your name in your password.");
  });

  it("lets other passwords through, and ignores a local part too short to mean anything", () => {
    expect(findPersonalPasswordProblem("lantern orchard 42", person)).toBeNull();
    expect(findPersonalPasswordProblem("a jolly lantern", { email: "jo@metro.test", name: "J" })).toBeNull();
  });

  it("gives the server's check the field to mark", () => {
    try {
      assertPasswordSuitsPerson("nadia.k rules ok", person, "newPassword");
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.fieldErrors).toEqual({ newPassword: ["Do not use your email address in your password."] });
    }
  });
});
