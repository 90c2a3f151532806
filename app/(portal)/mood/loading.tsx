import { Skeleton } from '@/components/ui/skeleton';

export default function MoodLoading() {
  return (
    <div aria-busy="true" aria-label="Loading your mood history">
      <Skeleton className="mb-6 h-8 w-32" />
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Skeleton className="h-20" />
        <Skeleton className="h-20" />
        <Skeleton className="h-20" />
      </div>
      <Skeleton className="mb-6 h-80 w-full" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
    </div>
  );
}
