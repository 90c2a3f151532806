import { describe, expect, it } from 'vitest';
import { burnRate, errorBudget, successRate } from './slo';

describe('SLO maths', () => {
  it('computes the success rate over eligible attempts', () => {
    expect(successRate({ eligible: 1000, failures: 1 })).toBeCloseTo(0.999);
    expect(successRate({ eligible: 0, failures: 0 })).toBeNull();
  });

  it('spends the error budget as failures come', () => {
    expect(errorBudget({ eligible: 100_000, failures: 0 }).remaining).toBe(1);
    expect(errorBudget({ eligible: 100_000, failures: 25 }).remaining).toBeCloseTo(0.75);
    expect(errorBudget({ eligible: 100_000, failures: 200 }).remaining).toBeCloseTo(-1);
    expect(errorBudget({ eligible: 0, failures: 0 }).remaining).toBeNull();
  });

  it('reads a burn rate of 1 as spending the budget exactly over the window', () => {
    expect(burnRate({ eligible: 10_000, failures: 10 })).toBeCloseTo(1);
    expect(burnRate({ eligible: 1000, failures: 14.4 })).toBeCloseTo(14.4);
    expect(burnRate({ eligible: 0, failures: 0 })).toBeNull();
  });
});
