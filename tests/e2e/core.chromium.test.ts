/** The core scenarios (scenarios/core.ts) in Chromium; core.firefox.test.ts runs the same list. */
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { chromiumDriver } from './drivers/chromium';
import type { Driver } from './drivers/driver';
import { resetExtension, scenarios } from './scenarios/core';

let driver: Driver;

beforeAll(async () => {
  driver = await chromiumDriver();
});
afterAll(async () => {
  await driver?.close();
});
afterEach(async () => {
  await driver.closePages();
  await resetExtension(driver);
});

describe('the core scenarios in Chromium', () => {
  for (const scenario of scenarios) it(scenario.name, () => scenario.run(driver));
});
