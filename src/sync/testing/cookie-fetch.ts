import type { FetchLike } from '@/sync/types';

/** A fetch that keeps the session cookie, as a browser does for `credentials: 'include'`. */
export function cookieFetch(): FetchLike {
  let cookie = '';
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return res;
  };
}
