/** `npm run bench`: every in-process and gateway benchmark, one after another, with figures. */
const parts = ['./replies.js', './ask.js', './gateway.js'] as const;

for (const part of parts) {
  const mod = (await import(part)) as { run: () => Promise<void> };
  await mod.run();
}
