/** The core scenarios (scenarios/core.ts) in Firefox; core.chromium.test.ts runs the same list. */
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { firefoxDriver } from './drivers/firefox';
import type { Driver } from './drivers/driver';
import { resetExtension, scenarios } from './scenarios/core';

let driver: Driver;

beforeAll(async () => {
  driver = await firefoxDriver();
});
afterAll(async () => {
  await driver?.close();
});
afterEach(async () => {
  await driver.closePages();
  await resetExtension(driver);
});

describe('the core scenarios in Firefox', () => {
  for (const scenario of scenarios) it(scenario.name, () => scenario.run(driver));
});
