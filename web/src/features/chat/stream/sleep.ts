/** Waits `ms`, or less when `wake` aborts first (a reconnect's back-off that a stop cuts short). */
export function sleep(ms: number, wake: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (wake.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    wake.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
