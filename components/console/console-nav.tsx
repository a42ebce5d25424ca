"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ActivityIcon, RefreshCwIcon, UsersIcon } from "lucide-react";
import { cn } from "@/lib/cn";

const items = [
  { href: "/console", label: "Members", icon: UsersIcon },
  { href: "/console/directories", label: "Directory Sync", icon: RefreshCwIcon },
  { href: "/console/activity", label: "Activity", icon: ActivityIcon },
] as const;

export function ConsoleNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="flex gap-1 md:flex-col">
      {items.map(({ href, label, icon: Icon }) => {
        // Members is the console root; the other sections own everything below them.
        const active = href === "/console" ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-md px-3 py-2 text-sm text-muted-foreground transition-colors hover:bg-accent hover:text-foreground",
              active && "bg-accent font-medium text-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
