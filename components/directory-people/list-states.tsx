"use client";

import type { ReactNode } from "react";
import type { LucideIcon } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";

export function ListSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div className="space-y-2 p-4" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-9" />
      ))}
    </div>
  );
}

export function ListError({ children }: { children: ReactNode }) {
  return (
    <div className="p-4">
      <Alert variant="destructive">
        <AlertDescription>{children}</AlertDescription>
      </Alert>
    </div>
  );
}

export function EmptyList({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 px-4 py-16 text-center">
      <Icon className="size-8 text-muted-foreground" aria-hidden />
      <p className="font-medium">{title}</p>
      <p className="text-sm text-muted-foreground">{children}</p>
    </div>
  );
}

/** "Load more" under a keyset-paged list; a failed page is reported here, next to the button that asked for it. */
export function LoadMore({
  query,
  label,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; isFetchNextPageError: boolean; fetchNextPage: () => Promise<unknown> };
  label: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <div className="flex flex-col items-center gap-2 border-t p-3">
      {query.isFetchNextPageError && (
        <p role="alert" className="text-sm text-destructive">
          The next page could not be loaded. Try again.
        </p>
      )}
      <Button variant="outline" size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
        {query.isFetchingNextPage && <Spinner aria-label={label} />}
        Load more
      </Button>
    </div>
  );
}
