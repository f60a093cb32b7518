"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The team's sections; on a narrow screen the links wrap onto a second row, so none is hidden. */
export function TeamNav({ teamSlug, links }: { teamSlug: string; links: Array<{ href: string; label: string }> }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Team" className="flex flex-wrap gap-1">
      {links.map((link) => {
        const href = `/t/${teamSlug}${link.href}`;
        const isActive = link.href === "" ? pathname === href || pathname.startsWith(`${href}/articles`) : pathname.startsWith(href);
        return (
          <Link
            key={link.href}
            href={href}
            aria-current={isActive ? "page" : undefined}
            className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
