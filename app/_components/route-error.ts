/** The message of a failed route-handler response (`{ message }` or `{ fieldErrors }`), for a toast. */
export async function routeError(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { message?: string; fieldErrors?: Record<string, string[]> } | null;
  return Object.values(body?.fieldErrors ?? {}).flat().join(';') || body?.message || res.statusText;
}
