'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client-fetch';
import type { ImportJobView } from '@/lib/import/import-job';

export function useImportJobs() {
  return useQuery({
    queryKey: ['imports'],
    queryFn: () => apiFetch<{ jobs: ImportJobView[] }>('/api/data/imports').then((r) => r.jobs),
    refetchInterval: (query) => (query.state.data?.some((job) => job.status === 'applying') ? 1000 : false),
    staleTime: 0,
  });
}

export function useImportAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'apply' | 'discard' }) =>
      action === 'apply' ? apiFetch(`/api/data/imports/${id}/apply`, { method: 'POST' }) : apiFetch(`/api/data/imports/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['imports'] }),
  });
}
