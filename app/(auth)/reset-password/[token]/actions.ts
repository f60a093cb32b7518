"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { readClientAddress } from "@/lib/auth/authenticate";
import { resetPassword } from "@/lib/auth/password-reset";
import { passwordSchema } from "@/lib/auth/schema";
import { db } from "@/lib/db";

const resetSchema = z.object({ token: z.string().min(10).max(200), password: passwordSchema });

/** Sets the new password through the link; every session of the account ends with it. */
export const resetPasswordAction = publicAction({ schema: resetSchema }, async ({ token, password }) => {
  await resetPassword(db, { token, password }, readClientAddress(await headers()));
  redirect("/sign-in?notice=password-reset");
});
