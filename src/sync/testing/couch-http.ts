/** A tiny JSON client for tests that talk to the test CouchDB as one user (Basic auth). */
import { basicAuth, type Credentials } from '../../../couchdb/install.ts';

// biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the server sent
type Json = any;

export type CouchResponse<T = unknown> = { status: number; body: T; headers: Headers };

export function couchAs(baseUrl: string, user: Credentials | null) {
  const request = async <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<CouchResponse<T>> => {
    const res = await fetch(`${baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(user ? { authorization: basicAuth(user) } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  };
  return {
    get: <T = Json>(path: string) => request<T>('GET', path),
    put: <T = Json>(path: string, body?: unknown) => request<T>('PUT', path, body),
    post: <T = Json>(path: string, body: unknown) => request<T>('POST', path, body),
    delete: <T = Json>(path: string) => request<T>('DELETE', path),
  };
}
