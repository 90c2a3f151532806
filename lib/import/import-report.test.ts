import { describe, expect, it } from 'vitest';
import { makeZip } from '@/tests/helpers/zip-fixtures';
import { ReportBuilder } from './import-report';
import { parseImportFile } from './parse-import-file';

describe('the import report', () => {
  // The report is stored on the job document, which Firestore caps at 1 MiB; a report past it fails the upload
  // with a 500 instead of a preview.
  it('stays far below a Firestore document when a ZIP names its journal with 60,000 characters', async () => {
    const entries = [
      { uuid: 'ok', creationDate: '2024-01-01T00:00:00Z', text: 'hi' },
      ...Array.from({ length: 300 }, (_, i) => ({ uuid: `U${i}`, creationDate: '2024-01-01T00:00:00Z' })),
    ];
    const zip = await makeZip(
      [{ name: `${'n'.repeat(60_000)}.json`, data: JSON.stringify({ metadata: { version: '1.0' }, entries }) }],
      true,
    );
    const { report } = await parseImportFile(zip, 'UTC');
    expect(report.skippedTotal).toBe(300);
    expect(JSON.stringify(report).length).toBeLessThan(200_000);
  });

  it('shortens a long place in the middle, so the entry number at its end still shows', () => {
    const builder = new ReportBuilder();
    builder.skip(`${'n'.repeat(5000)}.json, entry 7`, 'it has no text');
    const { where } = builder.finish().skipped[0]!;
    expect(where.length).toBeLessThanOrEqual(200);
    expect(where).toMatch(/^nnn.*…n*\.json, entry 7$/);
  });
});
