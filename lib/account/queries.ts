import { renderSVG } from "uqr";
import type { Db } from "@/lib/config/prisma-client";
import { listActiveSessions } from "@/lib/auth/sessions";
import { buildOtpauthUri } from "@/lib/auth/totp";

export type TwoStepState =
  | { state: "off" }
  | { state: "pending"; secret: string; qrCode: string }
  | { state: "on"; recoveryCodesLeft: number };

/** What the account page shows: how the person signs in, their sessions, their second step. */
export async function getAccountOverview(db: Db, userId: string) {
  const [user, sessions] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        email: true,
        name: true,
        passwordHash: true,
        totp: { select: { secret: true, confirmedAt: true } },
        _count: { select: { identities: true, recoveryCodes: { where: { usedAt: null } } } },
      },
    }),
    listActiveSessions(db, userId),
  ]);
  const twoStep: TwoStepState = !user.totp
    ? { state: "off" }
    : user.totp.confirmedAt
      ? { state: "on", recoveryCodesLeft: user._count.recoveryCodes }
      : { state: "pending", secret: user.totp.secret, qrCode: drawQrCode(buildOtpauthUri({ secret: user.totp.secret, account: user.email, issuer: "FactDesk" })) };
  return {
    email: user.email,
    name: user.name,
    hasPassword: Boolean(user.passwordHash),
    hasSso: user._count.identities > 0,
    sessions,
    twoStep,
  };
}

/** The otpauth address as a QR code, an SVG drawn here on the server, as a data: address for an <img>. */
function drawQrCode(text: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(renderSVG(text, { border: 2 })).toString("base64")}`;
}
