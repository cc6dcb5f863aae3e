// Journeys with exchange packages, shared by the end-to-end tests of this feature.
import type { Page } from 'playwright-core';

/** Picks a file in the 打开数据包 panel the way a person does: the button, then the file chooser. */
export async function choosePackage(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.goto(page.url().split('#')[0] + '#/exchange');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择数据包文件…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(bytes) });
}
