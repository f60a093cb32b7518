import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time, never bundled: better-sqlite3 and argon2 are native
  // addons; pdfkit reads its data files from beside its own code.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pdfkit", "fontkit"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) before it builds, and says so with this variable.
  typescript: { ignoreBuildErrors: process.env.FACTDESK_BUILD_SKIPS_TYPECHECK === "1" },
  experimental: {
    // Article uploads are up to 5 MB (lib/articles/parse-upload.ts); leave room for the form's overhead.
    serverActions: { bodySizeLimit: "6mb" },
  },
  // The static security headers on every response, whatever answers it; the proxy adds the
  // CSP with its nonce, and HSTS, which depends on how the app is served (proxy.ts).
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
