import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading directory settings">
      <Skeleton className="h-48" />
      <Skeleton className="h-64" />
    </div>
  );
}
