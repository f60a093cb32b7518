import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { addMember, createPersonWithTeam, db } from "./support/db";

async function createInvitationLink(page: Page, teamSlug: string, role: "Owner" | "Editor" | "Viewer", email: string) {
  await page.goto(`/t/${teamSlug}/settings/members`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return link;
}

test("an owner invites a colleague, who signs up through the link with the invited address and joins; the link is single use", async ({ page, browser }) => {
  const owner = await createPersonWithTeam("owner");
  await signIn(page, owner.email, owner.password);
  const email = `guest-${randomUUID().slice(0, 8)}@e2e.test`;
  const link = await createInvitationLink(page, owner.team.slug, "Editor", email);

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByRole("heading", { name: `Join ${owner.team.name}` })).toBeVisible();
  await guestPage.getByRole("link", { name: "Create an account to join" }).click();
  // The address is the invitation's: filled in and not to be changed.
  const emailField = guestPage.getByLabel("Work email");
  await expect(emailField).toHaveValue(email);
  await expect(emailField).not.toBeEditable();
  await guestPage.getByLabel("Your name").fill("Gina Guest");
  await guestPage.getByLabel("Password").fill("guest password 123");
  await guestPage.getByRole("button", { name: `Create account and join ${owner.team.name}` }).click();
  await expect(guestPage).toHaveURL(new RegExp(`/t/${owner.team.slug}`));
  await expect(guestPage.getByTestId("current-team")).toHaveText(owner.team.name);
  await expect(guestPage.getByTestId("current-role")).toHaveText("Editor");
  // The owner named the address and handed over the link: the owner's word verifies it.
  expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ emailVerifiedVia: "owner" });

  await page.reload();
  await expect(page.getByTestId(`member-${email}`)).toContainText("Editor");

  const third = await browser.newContext();
  const thirdPage = await third.newPage();
  await thirdPage.goto(link);
  await expect(thirdPage.getByRole("alert").filter({ hasText: /already been used/ })).toBeVisible();
  await Promise.all([guest.close(), third.close()]);
});

test("an invitee who first tries to sign in and then creates an account there gets the invited address filled in, and joins", async ({ page, browser }) => {
  const owner = await createPersonWithTeam("owner");
  await signIn(page, owner.email, owner.password);
  const email = `detour-${randomUUID().slice(0, 8)}@e2e.test`;
  const link = await createInvitationLink(page, owner.team.slug, "Viewer", email);

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await guestPage.getByRole("link", { name: "I already have an account: sign in" }).click();
  await guestPage.getByRole("link", { name: "Create an account" }).click();
  await expect(guestPage.getByText(`invited you to ${owner.team.name} as viewer`)).toBeVisible();
  const emailField = guestPage.getByLabel("Work email");
  await expect(emailField).toHaveValue(email);
  await expect(emailField).not.toBeEditable();
  await expect(guestPage.getByLabel("Newsroom or team name")).toHaveCount(0);
  await guestPage.getByLabel("Your name").fill("Dara Detour");
  await guestPage.getByLabel("Password").fill("detour password 123");
  await guestPage.getByRole("button", { name: `Create account and join ${owner.team.name}` }).click();
  await expect(guestPage).toHaveURL(new RegExp(`/t/${owner.team.slug}`));
  await expect(guestPage.getByTestId("current-role")).toHaveText("Viewer");
  await guest.close();
});

test("a member of two teams switches between them, and an existing user joins by link while signed in", async ({ page, browser }) => {
  const first = await createPersonWithTeam("switcher");
  const other = await createPersonWithTeam("other");
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, other.email, other.password);
  const link = await createInvitationLink(ownerPage, other.team.slug, "Viewer", first.email);

  await signIn(page, first.email, first.password);
  await page.goto(link);
  await page.getByRole("button", { name: `Join ${other.team.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${other.team.slug}`));
  await expect(page.getByText("You have joined the team")).toBeVisible();

  await page.getByTestId("current-team").click();
  await page.getByRole("link", { name: new RegExp(first.team.name) }).first().click();
  await expect(page).toHaveURL(new RegExp(`/t/${first.team.slug}$`));
  await expect(page.getByTestId("current-team")).toHaveText(first.team.name);

  // The front door remembers the team used last.
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/t/${first.team.slug}$`));
});

test("an invitation is refused to another address, even forged, and stays usable for the invited one", async ({ page, browser }) => {
  const owner = await createPersonWithTeam("owner");
  const invited = await createPersonWithTeam("invited");
  const stranger = await createPersonWithTeam("stranger");
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner.email, owner.password);
  const link = await createInvitationLink(ownerPage, owner.team.slug, "Editor", invited.email);
  const masked = `${invited.email[0]}…@e2e.test`;

  // The stranger has the link: the page says whose it is, and offers no Join.
  await signIn(page, stranger.email, stranger.password);
  await page.goto(link);
  const refusal = `This invitation is for ${masked}: sign in with that address, or ask the team's owner for a new one.`;
  await expect(page.getByRole("alert").filter({ hasText: refusal })).toBeVisible();
  await expect(page.getByRole("button", { name: `Join ${owner.team.name}` })).toHaveCount(0);

  // The invited person's Join, captured and replayed from the stranger's session: refused on the server too.
  const invitedContext = await browser.newContext();
  const invitedPage = await invitedContext.newPage();
  await signIn(invitedPage, invited.email, invited.password);
  await invitedPage.goto(link);
  await invitedPage.route("**/*", (route) => (route.request().headers()["next-action"] ? route.abort() : route.continue()));
  const [join] = await Promise.all([
    invitedPage.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"])),
    invitedPage.getByRole("button", { name: `Join ${owner.team.name}` }).click(),
  ]);
  const replay = await page.request.post(join.url(), {
    headers: { ...pick(join.headers(), ["next-action", "content-type", "next-router-state-tree"]), origin: new URL(join.url()).origin },
    data: join.postData()!,
  });
  expect(await replay.text()).toContain(`This invitation is for ${masked}`);
  expect(await db.membership.count({ where: { teamId: owner.team.id, userId: stranger.user.id } })).toBe(0);

  // The link still works for the address it names.
  await invitedPage.unrouteAll();
  await invitedPage.goto(link);
  await invitedPage.getByRole("button", { name: `Join ${owner.team.name}` }).click();
  await expect(invitedPage).toHaveURL(new RegExp(`/t/${owner.team.slug}\\?notice=joined`));
  await expect(invitedPage.getByTestId("current-role")).toHaveText("Editor");
  await invitedContext.close();
});

test("an owner vouches for a member whose mailed link never came, who can then sign in", async ({ page, browser }) => {
  const owner = await createPersonWithTeam("owner");
  const member = await createPersonWithTeam("member");
  await db.user.update({ where: { id: member.user.id }, data: { emailVerifiedAt: null, emailVerifiedVia: null } });
  await addMember(owner.team.id, member.user.id, "editor");

  const memberPage = await (await browser.newContext()).newPage();
  await memberPage.goto("/sign-in");
  await memberPage.getByLabel("Email").fill(member.email);
  await memberPage.getByLabel("Password").fill(member.password);
  await memberPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(memberPage.getByRole("alert").filter({ hasText: "Confirm your email address" })).toBeVisible();

  await signIn(page, owner.email, owner.password);
  await page.goto(`/t/${owner.team.slug}/settings/members`);
  const row = page.getByTestId(`member-${member.email}`);
  await expect(row).toContainText("Address not confirmed");
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Confirm address of ${member.user.name}` }).click();
  // The row says so at once (the button has done its work and is gone), and after a reload.
  await expect(row).toContainText("Address confirmed by an owner");
  await expect(row.getByRole("button", { name: /^Confirm address/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId(`member-${member.email}`)).toContainText("Address confirmed by an owner");
  // Enough to sign in; not a mailbox proof (single sign-on would not join this account).
  expect(await db.user.findUniqueOrThrow({ where: { id: member.user.id } })).toMatchObject({ emailVerifiedVia: "owner" });

  await signIn(memberPage, member.email, member.password);
  await expect(memberPage.getByTestId("current-user")).toHaveText(member.user.name);
});

test("an owner changes a member's role, and the change is audited", async ({ page }) => {
  const owner = await createPersonWithTeam("owner");
  const member = await createPersonWithTeam("member");
  await addMember(owner.team.id, member.user.id, "editor");
  await signIn(page, owner.email, owner.password);
  await page.goto(`/t/${owner.team.slug}/settings/members`);
  const row = page.getByTestId(`member-${member.email}`);
  await row.getByLabel(`Role of ${member.user.name}`).selectOption("viewer");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toHaveText(`${member.user.name} is now viewer.`);
  await page.reload();
  await expect(page.getByTestId(`member-${member.email}`)).toContainText("Viewer");
  const event = await db.auditEvent.findFirst({ where: { teamId: owner.team.id, type: "member.role_changed" } });
  expect(JSON.parse(event!.detail!)).toMatchObject({ from: "editor", to: "viewer" });
});

test("a viewer sees no controls and the server refuses a forged role change", async ({ page, browser }) => {
  const owner = await createPersonWithTeam("owner");
  const viewer = await createPersonWithTeam("viewer");
  const target = await createPersonWithTeam("target");
  await addMember(owner.team.id, viewer.user.id, "viewer");
  const targetMembership = await addMember(owner.team.id, target.user.id, "editor");

  // Capture a genuine role-change request made by the owner...
  await signIn(page, owner.email, owner.password);
  await page.goto(`/t/${owner.team.slug}/settings/members`);
  const row = page.getByTestId(`member-${target.email}`);
  await row.getByLabel(`Role of ${target.user.name}`).selectOption("editor");
  const [request] = await Promise.all([
    page.waitForRequest((candidate) => candidate.method() === "POST" && Boolean(candidate.headers()["next-action"])),
    row.getByRole("button", { name: "Change role" }).click(),
  ]);

  // ...then replay it, changed to demote the target, from the viewer's session.
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signIn(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto(`/t/${owner.team.slug}/settings/members`);
  await expect(viewerPage.getByRole("button", { name: "Change role" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);

  const forgedBody = request.postData()!.replace(/name="[^"]*role"\r\n\r\neditor/, (match) => match.replace("editor", "viewer"));
  const response = await viewerContext.request.post(request.url(), {
    headers: { ...pick(request.headers(), ["next-action", "content-type", "next-router-state-tree"]), origin: new URL(request.url()).origin },
    data: forgedBody,
  });
  expect(await response.text()).toContain("Your role (viewer) does not allow this");
  const after = await db.membership.findUnique({ where: { id: targetMembership.id } });
  expect(after?.role).toBe("editor");
  await viewerContext.close();
});

test("a stranger cannot open another team's pages", async ({ page }) => {
  const owner = await createPersonWithTeam("owner");
  const stranger = await createPersonWithTeam("stranger");
  await signIn(page, stranger.email, stranger.password);
  const response = await page.goto(`/t/${owner.team.slug}/settings/members`);
  expect(response?.status()).toBe(404);
});

function pick(headers: Record<string, string>, names: string[]) {
  return Object.fromEntries(names.filter((name) => headers[name]).map((name) => [name, headers[name]]));
}
