import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading members">
      <Skeleton className="h-8 w-48" />
      <div className="grid gap-4 lg:grid-cols-[1fr_18rem]">
        <Skeleton className="h-96" />
        <Skeleton className="h-48" />
      </div>
    </div>
  );
}
