/** Whether a process with this pid exists (EPERM: it does, owned by another user): for lock and pid files left by a killed process. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
