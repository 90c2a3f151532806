import { z } from 'zod';

/** What the portal's journal editor submits; the sync client then checks the whole entry against the contract. */
export const ZJournalEdit = z.object({
  title: z.string().trim().max(200, 'Keep the title to 200 characters'),
  body: z.string().max(100_000, 'An entry can hold up to 100,000 characters'),
  tags: z.array(z.string().trim().min(1).max(50, 'Keep each tag to 50 characters')).max(30, 'Use at most 30 tags'),
  mood: z.number().int().min(1).max(5).nullable(),
});

export type JournalEdit = z.infer<typeof ZJournalEdit>;

/** "work, Sleep , #gratitude" → ["work", "Sleep", "gratitude"], without duplicates. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(',')
        .map((tag) => tag.trim().replace(/^#/, ''))
        .filter(Boolean),
    ),
  ];
}
