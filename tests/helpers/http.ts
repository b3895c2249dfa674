/** The status a request got, or 'refused' when the port no longer takes connections (a server stopping). */
export async function statusOrRefused(send: () => Promise<{ status: number }>): Promise<number | 'refused'> {
  try {
    return (await send()).status;
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : undefined;
    if (cause && 'code' in cause && cause.code === 'ECONNREFUSED') return 'refused';
    throw err;
  }
}
