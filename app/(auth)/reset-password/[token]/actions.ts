"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { resetPassword } from "@/lib/auth/password-reset";
import { newPasswordSchema } from "@/lib/auth/schema";
import { db } from "@/lib/db";
import { readClientAddress } from "@/lib/http/client-address";

const resetSchema = z.object({ token: z.string().min(10).max(200), password: newPasswordSchema });

/** Sets the new password through the link; every session of the account ends with it. */
export const resetPasswordAction = publicAction({ schema: resetSchema }, async ({ token, password }) => {
  await resetPassword(db, { token, password }, readClientAddress(await headers()));
  redirect("/sign-in?notice=password-reset");
});
