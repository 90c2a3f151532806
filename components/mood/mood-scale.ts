import type { CurveType } from 'recharts';

/** The mood scale's ends and ticks, as every mood chart draws them. */
export const MOOD_DOMAIN: [number, number] = [1, 5];
export const MOOD_TICKS = [1, 2, 3, 4, 5];

/**
 * Straight segments between days: a scale of whole scores has nothing between two points for a smooth curve
 * to suggest, and a straight segment never leaves the range of its two ends.
 */
export const MOOD_LINE_CURVE: CurveType = 'linear';
