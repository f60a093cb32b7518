import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-slate-100">
        <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-full bg-slate-800 text-xs font-semibold text-white">
          {initialsOf(user.name)}
        </span>
        <span className="sr-only">Account menu for </span>
        <span data-testid="current-user">{user.name}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <p className="px-3 py-2 text-sm">
          <span className="block font-medium">{user.name}</span>
          <span className="block text-slate-500">{user.email}</span>
        </p>
        <div className="border-t border-slate-200 pt-1">
          <Link href="/account" className="block w-full rounded px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100">
            Your account
          </Link>
          <SignOutButton variant="menu" />
        </div>
      </div>
    </details>
  );
}

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}
