import { ButtonLink } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold">We couldn&rsquo;t find that page</h1>
      <p className="text-muted">It may have been deleted, or the link may be wrong.</p>
      <ButtonLink href="/journal">Back to your journal</ButtonLink>
    </main>
  );
}
