// axe-core on an extension page, as the accessibility checks of the e2e tests run it.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}
declare const axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** What axe-core finds wrong with the whole page, one line a rule: its id, impact, help and elements. */
export async function axeViolations(page: Page, impacts?: ReadonlyArray<string>): Promise<string[]> {
  // Extension pages forbid inline scripts (addScriptTag); evaluating through the debugger is allowed.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const { violations } = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => !impacts || impacts.includes(v.impact ?? ''))
    .map((v) => `${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}
