import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]" aria-busy="true" aria-label="Loading sync runs">
      <Skeleton className="h-80" />
      <Skeleton className="h-48" />
    </div>
  );
}
