import type { CurveType } from 'recharts';

export const MOOD_DOMAIN: [number, number] = [1, 5];
export const MOOD_TICKS = [1, 2, 3, 4, 5];

/** Whole scores have nothing between two points for a curve to suggest. */
export const MOOD_LINE_CURVE: CurveType = 'linear';
