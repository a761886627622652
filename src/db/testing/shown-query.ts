/** A query as a screen shows it (observed), counting how often its own read runs: for the bridge's tests. */
import {
  type QueryClient,
  type QueryKey,
  QueryObserver,
  type QueryObserverOptions,
} from '@tanstack/react-query';

export async function shownQuery<T, K extends QueryKey>(
  client: QueryClient,
  options: QueryObserverOptions<T, Error, T, T, K>,
) {
  const read = options.queryFn as (context: unknown) => Promise<T>;
  let reads = 0;
  const observer = new QueryObserver<T, Error, T, T, K>(client, {
    ...options,
    queryFn: (context) => {
      reads++;
      return read(context);
    },
  });
  const unsubscribe = observer.subscribe(() => {});
  for (let n = 0; n < 200 && observer.getCurrentResult().data === undefined; n++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { data: () => observer.getCurrentResult().data as T, reads: () => reads, unsubscribe };
}
