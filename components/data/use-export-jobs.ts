'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client-fetch';
import type { ExportJobView } from '@/lib/export/export-job';
import type { CreateExportRequest } from '@/lib/export/export-types';

const KEY = ['exports'];

export function useExportJobs() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => apiFetch<{ jobs: ExportJobView[] }>('/api/data/exports').then((r) => r.jobs),
    refetchInterval: (query) => (query.state.data?.some((job) => job.status === 'running') ? 1000 : false),
    staleTime: 0,
  });
}

export function useStartExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateExportRequest) =>
      apiFetch<{ job: ExportJobView }>('/api/data/exports', { method: 'POST', body: request }).then((r) => r.job),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useExportAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'retry' | 'delete' }) =>
      action === 'retry'
        ? apiFetch(`/api/data/exports/${id}/retry`, { method: 'POST' })
        : apiFetch(`/api/data/exports/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
