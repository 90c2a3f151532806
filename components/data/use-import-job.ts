'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client-fetch';
import type { ImportChoices } from '@/lib/import/import-choices';
import type { ImportJobView } from '@/lib/import/import-job';

/** Apply sends what the user reviewed; preview sends what they changed, to see the dry run again. */
export type ImportAction =
  | { id: string; action: 'apply'; reviewed: ImportChoices }
  | { id: string; action: 'preview'; choices: ImportChoices }
  | { id: string; action: 'discard' };

function runImportAction(action: ImportAction): Promise<unknown> {
  if (action.action === 'apply')
    return apiFetch(`/api/data/imports/${action.id}/apply`, { method: 'POST', body: action.reviewed });
  if (action.action === 'preview')
    return apiFetch(`/api/data/imports/${action.id}/preview`, { method: 'POST', body: action.choices });
  return apiFetch(`/api/data/imports/${action.id}`, { method: 'DELETE' });
}

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
    mutationFn: runImportAction,
    onSuccess: () => client.invalidateQueries({ queryKey: ['imports'] }),
  });
}
