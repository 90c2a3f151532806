'use client';

import { ApiError } from '@/lib/api/client-fetch';
import type { ErrorBody } from '@/lib/api/errors';
import type { ImportJobView } from '@/lib/import/import-job';

/** XMLHttpRequest: the one browser API that reports upload progress. */
export function uploadImport(file: File, onProgress: (sent: number, total: number) => void): Promise<ImportJobView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/data/imports?name=${encodeURIComponent(file.name)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload failed. Check your connection and try again.'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status === 201) return resolve((body as { job: ImportJobView }).job);
      const error = (body as ErrorBody | null)?.error;
      reject(
        new ApiError(xhr.status, error?.code ?? 'internal', error?.message ?? `The upload failed (${xhr.status}).`),
      );
    };
    xhr.send(file);
  });
}
