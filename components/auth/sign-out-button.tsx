"use client";

import { signOut } from "next-auth/react";
import { buttonClasses } from "@/components/ui/button";

export function SignOutButton({ callbackUrl = "/sign-in", variant = "button" }: { callbackUrl?: string; variant?: "button" | "link" | "menu" }) {
  const className =
    variant === "link"
      ? "font-medium text-brand-700 underline"
      : variant === "menu"
        ? "block w-full rounded px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100"
        : buttonClasses("secondary", "sm");
  return (
    <button type="button" className={className} onClick={() => signOut({ callbackUrl })}>
      Sign out
    </button>
  );
}
