import { v7 as uuidv7 } from 'uuid';

/** A new device-made id (UUID v7: unique without coordination, and sorted by creation time). */
export function newId<T extends string = string>(): T {
  return uuidv7() as T;
}
