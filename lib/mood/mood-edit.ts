import { z } from 'zod';

const ZWord = z.string().trim().min(1).max(40, 'Keep each word to 40 characters');

export const ZMoodEdit = z.object({
  score: z
    .number()
    .int('Choose a mood from 1 to 5')
    .min(1, 'Choose a mood from 1 to 5')
    .max(5, 'Choose a mood from 1 to 5'),
  emotions: z.array(ZWord).max(20, 'Choose at most 20 emotions'),
  activities: z.array(ZWord).max(20, 'Choose at most 20 activities'),
  note: z.string().max(2000, 'A note can hold up to 2,000 characters').nullable(),
});

export type MoodEdit = z.infer<typeof ZMoodEdit>;
