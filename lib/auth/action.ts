import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { pokeLiveFeed } from "@/lib/live/server-hub";
import { startNotificationMailer } from "@/lib/notifications/mailer";
import { AppError, isAppError } from "@/lib/errors";
import { throttleWrites } from "@/lib/limits/throttles";
import { stripUnsafeCharactersDeep } from "@/lib/text/unsafe-characters";
import { requireTeam, requireUser, type TeamContext } from "./guard";
import { isWritePermission, type Permission } from "./roles";
import type { SessionUser } from "./session";

/** What every server action returns; forms show `fieldErrors` by the field, `message` in a toast. */
export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

/** Form fields as an object; Next's own `$ACTION_` fields are dropped. */
export function readFormData(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

/** Actions work from a form (useActionState passes the previous state first) and from code. */
function pickInput(first: unknown, second: unknown): Record<string, unknown> {
  const raw = second instanceof FormData ? second : first instanceof FormData ? first : (first ?? {});
  return raw instanceof FormData ? readFormData(raw) : typeof raw === "object" ? (raw as Record<string, unknown>) : {};
}

export function toFailure(error: unknown): ActionResult<never> {
  if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof z.ZodError) {
    return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
  }
  // Next's redirect()/notFound() are thrown on purpose; let them through.
  if (isNextControlFlow(error)) throw error;
  console.error("Server action failed", error);
  return { ok: false, message: "Something went wrong on our side; nothing was changed. Try again." };
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

/** A password is compared with what sign-in receives untouched, so it is never rewritten here. */
const isPasswordField = (key: string) => /password/i.test(key);

/**
 * What every wrapper does around its checks and handler: refuse ill-formed text first, strip the
 * characters no text keeps (lib/text/unsafe-characters.ts), shape any failure for the form, and
 * send the typed values back with it.
 */
async function runAction<T>(sent: Record<string, unknown>, run: (raw: Record<string, unknown>) => Promise<T | ActionResult<T>>): Promise<ActionResult<T>> {
  let raw = sent;
  try {
    refuseIllFormedText(sent);
    raw = stripUnsafeCharactersDeep(sent, isPasswordField);
    return withValues(asResult(await run(raw)), raw);
  } catch (error) {
    return withValues(toFailure(error), raw);
  }
}

/**
 * A lone surrogate (half of an emoji) cannot come from a browser form, only from a forged request,
 * and no query can carry it (Prisma fails on it): it is refused before any check reads the input.
 */
function refuseIllFormedText(raw: Record<string, unknown>) {
  const key = Object.keys(raw).find((name) => !isWellFormedValue(raw[name]));
  if (key === undefined) return;
  const message = "Some of the text sent holds a broken character (half of an emoji, say). Retype it and try again.";
  throw new AppError("INVALID_INPUT", message, { [key]: ["This holds a broken character; retype it."] });
}

function isWellFormedValue(value: unknown): boolean {
  if (typeof value === "string") return value.isWellFormed();
  return Array.isArray(value) ? value.every(isWellFormedValue) : true;
}

const teamField = z.object({ team: z.string({ error: "Missing team" }).min(1).max(100) });

/**
 * Wraps a server action that works inside a team: signed-in user, membership, permission, then
 * zod-validated input, then (for a permission that writes) the writer's throttle. A server
 * action is a public endpoint, so this runs on every call.
 */
export function teamAction<Schema extends z.ZodType, T>(
  config: { schema: Schema; permission: Permission },
  handler: (input: z.output<Schema>, context: TeamContext) => Promise<T | ActionResult<T>>,
) {
  return async (first?: unknown, second?: unknown): Promise<ActionResult<T>> =>
    runAction(pickInput(first, second), async (raw) => {
      const { team } = teamField.parse(raw);
      const context = await requireTeam(team, config.permission);
      const input = config.schema.parse(raw);
      if (!isWritePermission(config.permission)) return handler(input, context);
      await throttleWrites(db, context.user.id);
      const result = await handler(input, context);
      // The team's open pages in this process see the change now (lib/live); the notifications it
      // made are mailed from here too, where their people want that (lib/notifications/mailer.ts).
      pokeLiveFeed(context.team.id);
      startNotificationMailer();
      return result;
    });
}

/** The same for actions of a signed-in user outside any one team (create a team, accept an invitation); each writes. */
export function userAction<Schema extends z.ZodType, T>(
  config: { schema: Schema },
  handler: (input: z.output<Schema>, user: SessionUser) => Promise<T | ActionResult<T>>,
) {
  return async (first?: unknown, second?: unknown): Promise<ActionResult<T>> =>
    runAction(pickInput(first, second), async (raw) => {
      const user = await requireUser();
      const input = config.schema.parse(raw);
      await throttleWrites(db, user.id);
      return handler(input, user);
    });
}

/** Actions open to anyone (sign-up): validation and error shaping only. */
export function publicAction<Schema extends z.ZodType, T>(
  config: { schema: Schema },
  handler: (input: z.output<Schema>) => Promise<T | ActionResult<T>>,
) {
  return async (first?: unknown, second?: unknown): Promise<ActionResult<T>> =>
    runAction(pickInput(first, second), (raw) => handler(config.schema.parse(raw)));
}

/**
 * The submitted text fields, sent back with a failure so the form can show them again
 * (React resets a form after its action). Passwords are never echoed.
 */
function echoValues(raw: Record<string, unknown>): Record<string, string> {
  const entries = Object.entries(raw).flatMap(([key, value]) => (typeof value === "string" && !isPasswordField(key) ? [[key, value.toWellFormed()]] : []));
  return Object.fromEntries(entries) as Record<string, string>;
}

function withValues<T>(result: ActionResult<T>, raw: Record<string, unknown>): ActionResult<T> {
  return result.ok ? result : { ...result, values: echoValues(raw) };
}

function asResult<T>(value: T | ActionResult<T>): ActionResult<T> {
  if (value && typeof value === "object" && "ok" in value && typeof (value as { ok: unknown }).ok === "boolean") {
    return value as ActionResult<T>;
  }
  return { ok: true, data: value as T };
}

export function fail(message: string, fieldErrors?: Record<string, string[]>): never {
  throw new AppError("INVALID_INPUT", message, fieldErrors);
}
