"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { readClientAddress } from "@/lib/http/client-address";
import { confirmEmailWithToken } from "@/lib/auth/email-verification";
import { db } from "@/lib/db";

const confirmSchema = z.object({
  token: z.string().min(10).max(200),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(200),
});

/** Uses the mailed link, with the account's password: the address is the account's from now on. */
export const confirmEmailAction = publicAction({ schema: confirmSchema }, async (input) => {
  await confirmEmailWithToken(db, input, readClientAddress(await headers()));
  redirect("/sign-in?notice=email-verified");
});
