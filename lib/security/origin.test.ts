import { describe, expect, it } from "vitest";
import { checkWriteOrigin } from "./origin";

const base = { method: "POST", pathname: "/t/desk/articles/a1/claims/c1", host: "localhost:3000", appUrl: null };

describe("checkWriteOrigin", () => {
  it("lets a POST from the app's own host or its configured public origin through", () => {
    expect(checkWriteOrigin({ ...base, origin: "http://localhost:3000" })).toBeNull();
    expect(checkWriteOrigin({ ...base, host: "factdesk.internal:3000", origin: "https://desk.example.org", appUrl: "https://desk.example.org/" })).toBeNull();
  });

  it("refuses a POST without an Origin, with 'null', or from another site, host or port", () => {
    for (const origin of [null, "", "null", "https://evil.example", "http://127.0.0.1:3000", "http://localhost:3001", "http://localhost.evil.example:3000", "file:///x", "chrome-extension://abc"]) {
      expect(checkWriteOrigin({ ...base, origin }), String(origin)).not.toBeNull();
    }
    expect(checkWriteOrigin({ ...base, host: "factdesk.internal:3000", origin: "https://desk.example.org.evil.example", appUrl: "https://desk.example.org" })).not.toBeNull();
  });

  it("checks every method that changes something, and no method that only reads", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) expect(checkWriteOrigin({ ...base, method, origin: null }), method).not.toBeNull();
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(checkWriteOrigin({ ...base, method, origin: null }), method).toBeNull();
  });

  it("leaves next-auth's endpoints to their own CSRF token", () => {
    expect(checkWriteOrigin({ ...base, pathname: "/api/auth/callback/credentials", origin: null })).toBeNull();
    expect(checkWriteOrigin({ ...base, pathname: "/api/t/desk/reports/export", origin: null })).not.toBeNull();
  });
});
