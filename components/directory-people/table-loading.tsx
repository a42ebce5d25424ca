import { Skeleton } from "@/components/ui/skeleton";

/** The route-level skeleton of the Users and Groups tabs: heading, search, table. */
export function TableLoading({ label }: { label: string }) {
  return (
    <div className="space-y-4" aria-busy="true" aria-label={label}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-9 w-72" />
      </div>
      <Skeleton className="h-96" />
    </div>
  );
}
