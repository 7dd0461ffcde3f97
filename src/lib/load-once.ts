// A code chunk (or anything async) loaded on first use and shared by every later caller: one
// import however often it is asked for, and a load that failed (the network dropped) is tried
// again by the next caller instead of failing forever.
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
