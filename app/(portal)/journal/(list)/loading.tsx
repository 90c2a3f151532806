import { Skeleton } from '@/components/ui/skeleton';

export default function JournalLoading() {
  return (
    <div aria-busy="true" aria-label="Loading your journal">
      <Skeleton className="mb-2 h-8 w-40" />
      <Skeleton className="mb-6 h-4 w-72" />
      <Skeleton className="mb-6 h-24 w-full" />
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="mb-4 h-28 w-full" />
      ))}
    </div>
  );
}
