import { describe, expect, it } from 'vitest';
import { makeZip } from '@/tests/helpers/zip-fixtures';
import { unzipLimited } from './unzip-limited';

const limits = {
  maxUncompressedBytes: 4 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 5,
  maxZipFilesRead: 2,
};

describe('unzipLimited', () => {
  it('reads only the files asked for, skipping folders', async () => {
    const zip = await makeZip([
      { name: 'a.json', data: '{"a":1}' },
      { name: 'photos/p.jpeg', data: Buffer.from([1, 2, 3]) },
    ]);
    const files = await unzipLimited(zip, (name) => name.endsWith('.json'), limits);
    expect([...files.keys()]).toEqual(['a.json']);
    expect(files.get('a.json')!.toString()).toBe('{"a":1}');
  });

  it('refuses more files than allowed', async () => {
    const zip = await makeZip(Array.from({ length: 6 }, (_, i) => ({ name: `${i}.txt`, data: 'x' })));
    await expect(unzipLimited(zip, () => true, limits)).rejects.toThrow(/more than 5 files/);
  });

  it('refuses more selected files than an import reads, while skipped files do not count', async () => {
    const zip = await makeZip([
      { name: 'a.json', data: '{}' },
      { name: 'p.jpeg', data: 'x' },
      { name: 'b.json', data: '{}' },
      { name: 'c.json', data: '{}' },
    ]);
    await expect(unzipLimited(zip, (name) => name.endsWith('.json'), limits)).rejects.toThrow(
      /more than 2 files an import would read/,
    );
    await expect(unzipLimited(zip, (name) => name !== 'c.json', limits)).rejects.toThrow(
      /more than 2 files an import would read/,
    );
    expect([...(await unzipLimited(zip, (name) => name !== 'a.json' && name !== 'p.jpeg', limits)).keys()]).toEqual([
      'b.json',
      'c.json',
    ]);
  });

  it('refuses an archive that unpacks past the total, even when each file is within the ratio', async () => {
    const random = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 2654435761) % 251));
    const zip = await makeZip(
      [
        { name: 'a.bin', data: random(3 * 1024 * 1024) },
        { name: 'b.bin', data: random(2 * 1024 * 1024) },
      ],
      true,
    );
    await expect(unzipLimited(zip, () => true, limits)).rejects.toMatchObject({ code: 'payload-too-large' });
  });

  it('refuses a member that expands past the ratio', async () => {
    const zip = await makeZip([{ name: 'bomb.json', data: Buffer.alloc(3 * 1024 * 1024, 0) }]);
    await expect(unzipLimited(zip, () => true, limits)).rejects.toThrow(/zip bomb/);
  });
});
