import { describe, expect, it } from "vitest";
import { can, isRole, ROLES, type Permission, type Role } from "./roles";

const expected: Record<Role, Record<Permission, boolean>> = {
  owner: { "team:read": true, "report:export": true, "content:write": true, "member:manage": true },
  editor: { "team:read": true, "report:export": true, "content:write": true, "member:manage": false },
  viewer: { "team:read": true, "report:export": true, "content:write": false, "member:manage": false },
};

describe("can", () => {
  for (const role of ROLES) {
    for (const [permission, allowed] of Object.entries(expected[role]) as Array<[Permission, boolean]>) {
      it(`${allowed ? "lets" : "does not let"} ${role}s ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("covers exactly the three roles", () => {
    expect([...ROLES].sort()).toEqual(Object.keys(expected).sort());
  });
});

describe("isRole", () => {
  it("accepts the three roles and nothing else", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const value of ["admin", "Owner", "", null, undefined, 1]) expect(isRole(value)).toBe(false);
  });
});
