import { describe, expect, test } from 'vitest';
import { readStatedImpactMinutes } from '../src/pipeline/analyze/stated-durations.js';

describe('a duration the report states outright is read', () => {
  test.each([
    ['Impact duration: 59m', 59],
    ['**Duration:** 1h07m', 67],
    ['The outage lasted 1h07m in total.', 67],
    ['Checkout was down for about 67 minutes.', 67],
    ['Total duration was 2 hours and 5 minutes', 125],
    ['The incident lasted approximately 1,5 hours', 90],
  ])('%s → %i minutes', (text, minutes) => {
    expect(readStatedImpactMinutes(text)).toBe(minutes);
  });

  test.each([
    'The retry duration was 5 minutes',
    'It took 10 minutes to roll back',
    'We waited for 20 minutes before paging',
    'Lasted',
  ])('%s is not the impact duration', (text) => {
    expect(readStatedImpactMinutes(text)).toBeNull();
  });
});
