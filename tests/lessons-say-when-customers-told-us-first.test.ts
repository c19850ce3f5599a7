/**
 * Lessons come only from the input and the computed figures: when a customer report is how the
 * incident was detected, "what went wrong" says so, with the first alert's time when one came
 * later and "no alert is recorded" when none did; an incident an alert detected gets no such
 * lesson. Fixtures: tests/fixtures/writer-kinds-12i (invented).
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { sectionText, builtinPackOf } from './helpers/writer-pack.js';

const DIR = join(import.meta.dirname, 'fixtures/writer-kinds-12i');
const lessons = (name: string) => sectionText(builtinPackOf(join(DIR, name)).document.lessons);

test('a report before the first alert is a lesson, with both times', () => {
  expect(lessons('customer-report-before-the-alert.md')).toMatch(
    /Went wrong: Customers reported it at 14:03 \S+, before any alert \(the first at 14:11 \S+\)\./,
  );
});

test('a report with no alert at all says no alert is recorded', () => {
  expect(lessons('notes-follow-ups-with-priorities.md')).toMatch(
    /Went wrong: Customers reported it at 11:05 EDT; no alert is recorded\./,
  );
});

test('an incident an alert detected draws no customer lesson', () => {
  expect(lessons('failed-rollback-then-a-flag.md')).not.toMatch(/Customers reported/);
});
