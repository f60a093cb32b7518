/** The demo team's people. The password is printed by `npm run demo`; it is for local use only. */
export const DEMO_PASSWORD = "factdesk-demo";
export const DEMO_TEAM = { name: "Demo Newsroom", slug: "demo-newsroom" } as const;
export const DEMO_USERS = [
  { email: "owner@demo.factdesk.test", name: "Olivia Owner", role: "owner" },
  { email: "editor@demo.factdesk.test", name: "Eddie Editor", role: "editor" },
  { email: "viewer@demo.factdesk.test", name: "Vera Viewer", role: "viewer" },
] as const;
export const DEMO_ARTICLE = {
  file: "putin-private-armies.txt",
  outlet: "Business Insider",
} as const;
