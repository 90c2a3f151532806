import { Skeleton } from '@/components/ui/skeleton';

export default function AdminLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the report" className="grid gap-4">
      <Skeleton className="h-8 w-64" />
      <div className="grid gap-4 sm:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      <Skeleton className="h-72" />
    </div>
  );
}
