"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const tabs = [
  { label: "Set-up", path: "" },
  { label: "Tokens", path: "/tokens" },
  { label: "Connection test", path: "/test" },
  { label: "Users", path: "/users" },
  { label: "Groups", path: "/groups" },
  { label: "Mappings", path: "/mappings" },
  { label: "Sync", path: "/sync" },
  { label: "Settings", path: "/settings" },
] as const;

/** The directory's pages, as links: Set-up is the directory's own URL, the others live below it. */
export function DirectoryTabs({ directoryId }: { directoryId: string }) {
  const pathname = usePathname();
  const base = `/console/directories/${directoryId}`;
  return (
    <nav aria-label="Directory" className="-mb-px overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b">
        {tabs.map(({ label, path }) => {
          const href = `${base}${path}`;
          const active = path === "" ? pathname === base || pathname === `${base}/` : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={label}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex h-10 items-center border-b-2 border-transparent px-3 text-sm whitespace-nowrap text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:rounded-sm focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active && "border-primary font-medium text-foreground",
                )}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
