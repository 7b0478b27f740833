// Child processes of `npm start` must not outlive it: if the parent dies (even by SIGKILL) they
// notice the re-parenting and shut down, so a second start finds its ports free.
export function exitWithParent(shutdown: () => void | Promise<void>): void {
  const parent = process.ppid;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(0), 15_000);
    force.unref();
    await shutdown();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (process.env.KESOS_SUPERVISED === '1') {
    setInterval(() => {
      if (process.ppid !== parent) void stop();
    }, 1_000).unref();
  }
}
