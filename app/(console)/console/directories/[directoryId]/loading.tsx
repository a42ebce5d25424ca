import { Skeleton } from "@/components/ui/skeleton";

/** Shown below the directory's header and tabs while a tab loads. */
export default function Loading() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-44" />
      <Skeleton className="h-96" />
    </div>
  );
}
