import { expect, test } from 'vitest';
import { astroNodeDiagnostic } from '../src/cli/node-version.js';

test('build stops before the site on a Node Astro cannot run on, and says how to run it', () => {
  expect(astroNodeDiagnostic('20.20.2')).toMatchObject({
    code: 'build/node-version',
    severity: 'error',
    message: 'Astro needs Node 22.12 or newer; this is Node 20.20.2',
    hint: expect.stringContaining('npm run build'),
  });
  expect(astroNodeDiagnostic('22.11.9')?.code).toBe('build/node-version');
  expect(astroNodeDiagnostic('22.12.0')).toBeNull();
  expect(astroNodeDiagnostic('24.1.0')).toBeNull();
});
